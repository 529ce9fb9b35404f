import type { Db } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import { progress } from '../db/schema.ts';
import type { ProgressEntry } from './panel-state.ts';

export interface ProgressOwner {
  resellerId: number;
  clinicId: number;
  userId: number;
}

/** Every progress row of one user in one base (all tracks). */
export async function loadProgress(tx: Db, owner: ProgressOwner): Promise<ProgressEntry[]> {
  return tx
    .select({ trackId: progress.trackId, achievementKey: progress.achievementKey, taskKey: progress.taskKey, done: progress.done })
    .from(progress)
    .where(and(eq(progress.resellerId, owner.resellerId), eq(progress.clinicId, owner.clinicId), eq(progress.userId, owner.userId)));
}

export async function setTaskDone(
  tx: Db,
  owner: ProgressOwner,
  task: { trackId: number; achievementKey: string; taskKey: string },
  done: boolean,
  at: Date,
): Promise<void> {
  await tx
    .insert(progress)
    .values({ ...owner, ...task, done, updatedAt: at })
    .onConflictDoUpdate({
      target: [progress.resellerId, progress.clinicId, progress.userId, progress.trackId, progress.achievementKey, progress.taskKey],
      set: { done, updatedAt: at },
    });
}
