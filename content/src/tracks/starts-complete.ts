import type { ParsedTrack } from '../validation/index.ts';

/** How many tasks a track has and how many start already done (`"efetuada": true`). */
export function defaultProgress(track: ParsedTrack): { done: number; total: number } {
  const tasks = track.achievements.flatMap((a) => a.tasks);
  return { done: tasks.filter((t) => t.doneByDefault).length, total: tasks.length };
}

/** True when every task starts done: once published, the track shows 100 % with nothing left to do. */
export function startsComplete(track: ParsedTrack): boolean {
  const { done, total } = defaultProgress(track);
  return total > 0 && done === total;
}
