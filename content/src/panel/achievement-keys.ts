import type { ParsedTrack } from '../validation/index.ts';
import { normalizeTitle } from '../validation/index.ts';

/**
 * The identity of each conquista of a track: its normalised `descricao`, so that fixing an accent,
 * the case or punctuation in a new version keeps users' progress. Two conquistas with the same
 * normalised description get `#2`, `#3`… in order (the validator allows repeated descriptions).
 */
export function achievementKeys(track: ParsedTrack): string[] {
  const seen = new Map<string, number>();
  return track.achievements.map((achievement) => {
    const base = normalizeTitle(achievement.description) || 'conquista';
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} #${count}`;
  });
}
