import type { ParsedTrack, TaskLink } from '../validation/index.ts';
import { achievementKeys } from './achievement-keys.ts';

/** One track as a clinic user's panel shows it: the version live in their base. */
export interface LiveTrack {
  /** Progress track id (0 = the platform's default track). */
  trackId: number;
  name: string;
  /** "Texto complementar para a prévia", shown under the track's title. */
  introText: string | null;
  isDefault: boolean;
  version: number;
  track: ParsedTrack;
}

/** A stored progress row: it overrides the task's `efetuada` default. */
export interface ProgressEntry {
  trackId: number;
  achievementKey: string;
  taskKey: string;
  done: boolean;
}

export interface TaskState {
  key: string;
  title: string;
  link: TaskLink;
  done: boolean;
}

export interface AchievementState {
  key: string;
  /** Position in the track (0-based). */
  index: number;
  description: string;
  /** `bloqueada: true` in the file. */
  lockedByDefault: boolean;
  /** Locked now: `bloqueada` and some earlier conquista of the track is not complete yet. */
  locked: boolean;
  notify: boolean;
  tasks: TaskState[];
  done: number;
  total: number;
  complete: boolean;
}

export interface TrackState extends LiveTrack {
  achievements: AchievementState[];
  done: number;
  total: number;
  complete: boolean;
}

export interface PanelState {
  tracks: TrackState[];
  done: number;
  total: number;
  /** Everything the user sees is done: "Agendar um horário" appears. */
  complete: boolean;
}

export function progressKey(trackId: number, achievementKey: string, taskKey: string): string {
  return JSON.stringify([trackId, achievementKey, taskKey]);
}

/**
 * Progress of one track: a task is done when its stored row says so, else by its `efetuada`
 * default. A `bloqueada` conquista opens once every earlier conquista of the track is complete.
 */
export function buildTrackState(live: LiveTrack, entries: ReadonlyMap<string, boolean>): TrackState {
  const keys = achievementKeys(live.track);
  let earlierComplete = true;
  const achievements = live.track.achievements.map((achievement, index): AchievementState => {
    const key = keys[index]!;
    const tasks = achievement.tasks.map((task) => ({
      key: task.key,
      title: task.title,
      link: task.link,
      done: entries.get(progressKey(live.trackId, key, task.key)) ?? task.doneByDefault,
    }));
    const done = tasks.filter((t) => t.done).length;
    const state: AchievementState = {
      key,
      index,
      description: achievement.description,
      lockedByDefault: achievement.locked,
      locked: achievement.locked && !earlierComplete,
      notify: achievement.notify,
      tasks,
      done,
      total: tasks.length,
      complete: done === tasks.length,
    };
    earlierComplete = earlierComplete && state.complete;
    return state;
  });
  const done = sum(achievements.map((a) => a.done));
  const total = sum(achievements.map((a) => a.total));
  return { ...live, achievements, done, total, complete: done === total };
}

export function buildPanelState(lives: LiveTrack[], progress: ProgressEntry[]): PanelState {
  const entries = new Map(progress.map((p) => [progressKey(p.trackId, p.achievementKey, p.taskKey), p.done]));
  const tracks = lives.map((live) => buildTrackState(live, entries));
  const done = sum(tracks.map((t) => t.done));
  const total = sum(tracks.map((t) => t.total));
  return { tracks, done, total, complete: total > 0 && done === total };
}

/** Where a task is in a panel, found by identities (not positions, which change between versions). */
export function findTask(
  state: PanelState,
  trackId: number,
  achievementKey: string,
  taskKey: string,
): { track: TrackState; achievement: AchievementState; task: TaskState } | null {
  const track = state.tracks.find((t) => t.trackId === trackId);
  const achievement = track?.achievements.find((a) => a.key === achievementKey);
  const task = achievement?.tasks.find((t) => t.key === taskKey);
  return track && achievement && task ? { track, achievement, task } : null;
}

export function percent(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
