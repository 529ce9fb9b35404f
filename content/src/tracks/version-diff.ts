import { achievementKeys } from '../panel/achievement-keys.ts';
import type { ParsedTrack } from '../validation/index.ts';

/** What changes for clinic users when a version replaces the live one (matched by identity). */
export interface VersionDiff {
  addedAchievements: string[];
  removedAchievements: string[];
  addedTasks: { achievement: string; title: string }[];
  removedTasks: { achievement: string; title: string }[];
  /** Same identity, new title (the task keeps its progress). */
  retitledTasks: { achievement: string; from: string; to: string }[];
  changedLinks: { achievement: string; title: string }[];
  /** Conquistas kept from the live version that gain tasks users must do: finished ones reopen. */
  reopened: string[];
  unchanged: boolean;
}

export function diffVersions(live: ParsedTrack, next: ParsedTrack): VersionDiff {
  const liveKeys = achievementKeys(live);
  const nextKeys = achievementKeys(next);
  const liveByKey = new Map(live.achievements.map((a, i) => [liveKeys[i]!, a]));
  const nextByKey = new Map(next.achievements.map((a, i) => [nextKeys[i]!, a]));
  const diff: VersionDiff = {
    addedAchievements: next.achievements.filter((_, i) => !liveByKey.has(nextKeys[i]!)).map((a) => a.description),
    removedAchievements: live.achievements.filter((_, i) => !nextByKey.has(liveKeys[i]!)).map((a) => a.description),
    addedTasks: [],
    removedTasks: [],
    retitledTasks: [],
    changedLinks: [],
    reopened: [],
    unchanged: false,
  };
  next.achievements.forEach((achievement, i) => {
    const before = liveByKey.get(nextKeys[i]!);
    if (!before) return;
    const beforeTasks = new Map(before.tasks.map((t) => [t.key, t]));
    const nextTaskKeys = new Set(achievement.tasks.map((t) => t.key));
    const name = achievement.description;
    let gainsWork = false;
    for (const task of achievement.tasks) {
      const old = beforeTasks.get(task.key);
      if (!old) {
        diff.addedTasks.push({ achievement: name, title: task.title });
        if (!task.doneByDefault) gainsWork = true;
        continue;
      }
      if (old.title !== task.title) diff.retitledTasks.push({ achievement: name, from: old.title, to: task.title });
      if (JSON.stringify(old.link) !== JSON.stringify(task.link)) diff.changedLinks.push({ achievement: name, title: task.title });
    }
    for (const old of before.tasks) {
      if (!nextTaskKeys.has(old.key)) diff.removedTasks.push({ achievement: name, title: old.title });
    }
    if (gainsWork) diff.reopened.push(name);
  });
  diff.unchanged =
    JSON.stringify(live) === JSON.stringify(next) ||
    (diff.addedAchievements.length === 0 &&
      diff.removedAchievements.length === 0 &&
      diff.addedTasks.length === 0 &&
      diff.removedTasks.length === 0 &&
      diff.retitledTasks.length === 0 &&
      diff.changedLinks.length === 0 &&
      sameFlagsAndOrder(live, next));
  return diff;
}

function sameFlagsAndOrder(a: ParsedTrack, b: ParsedTrack): boolean {
  const shape = (t: ParsedTrack) =>
    JSON.stringify(t.achievements.map((x) => [x.description, x.locked, x.notify, x.tasks.map((k) => [k.key, k.doneByDefault])]));
  return shape(a) === shape(b);
}
