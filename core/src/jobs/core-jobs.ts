import { jobStore } from './store.ts';
import type { JobQueue } from './queue.ts';

/** Finished jobs (succeeded, failed, cancelled) are kept this long, then deleted. */
export const jobRetentionDays = 30;

/** Core's own periodic jobs. */
export function defineCoreJobs(queue: JobQueue): void {
  queue.define(
    'jobs-retention',
    async (run) => {
      const before = new Date(run.startedAt.getTime() - jobRetentionDays * 86_400_000);
      const deleted = await queue.database.scoped({ kind: 'platform' }, (tx) => jobStore.deleteFinishedBefore(tx, before));
      await run.progress(100, `${deleted} tarefas concluídas há mais de ${jobRetentionDays} dias removidas.`);
    },
    { schedule: { dailyAt: '03:30' }, timeoutMs: 10 * 60_000 },
  );
}
