import { sql } from 'drizzle-orm';
import { pluginJobRuns } from '../db/schema/index.ts';
import type { Db } from '../db/types.ts';

/** The nightly backup's row in the shared job-claim table (core's own, not a plugin's). */
export const nightlyJob = { pluginId: 'core', job: 'backup.nightly' } as const;

/**
 * Claims the nightly slot `slot` for this instance: one INSERT … ON CONFLICT DO UPDATE … WHERE the
 * stored slot is older, RETURNING. Postgres serialises the claims on the row, so of several instances
 * ticking at the same time exactly one gets it back.
 */
export async function claimNightlySlot(tx: Db, slot: Date): Promise<boolean> {
  const rows = await tx
    .insert(pluginJobRuns)
    .values({ ...nightlyJob, lastStartedAt: slot, lastStatus: 'running', runs: 1 })
    .onConflictDoUpdate({
      target: [pluginJobRuns.pluginId, pluginJobRuns.job],
      set: { lastStartedAt: slot, lastStatus: 'running', lastError: null, runs: sql`${pluginJobRuns.runs} + 1` },
      setWhere: sql`${pluginJobRuns.lastStartedAt} < ${slot.toISOString()}::timestamptz`,
    })
    .returning({ at: pluginJobRuns.lastStartedAt });
  return rows.length > 0;
}

/** Records how the claimed nightly slot ended. */
export async function finishNightlySlot(tx: Db, slot: Date, status: 'ok' | 'failed', error: string | null, now: Date): Promise<void> {
  await tx
    .update(pluginJobRuns)
    .set({ lastStatus: status, lastError: error, lastFinishedAt: now })
    .where(sql`${pluginJobRuns.pluginId} = ${nightlyJob.pluginId} and ${pluginJobRuns.job} = ${nightlyJob.job}
      and ${pluginJobRuns.lastStartedAt} = ${slot.toISOString()}::timestamptz`);
}
