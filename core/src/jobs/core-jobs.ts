import { formatBytes } from '../ui/format.ts';
import { plural } from '../ui/plural.ts';
import type { UploadArea } from '../uploads/upload-area.ts';
import { jobStore } from './store.ts';
import type { JobQueue } from './queue.ts';

/** How often abandoned temp uploads (older than 1 h) are looked for. */
export const uploadSweepEveryMinutes = 15;

/** Finished jobs (succeeded, failed, cancelled) are kept this long, then deleted. */
export const jobRetentionDays = 30;

/** Core's own periodic jobs. */
export function defineCoreJobs(queue: JobQueue, uploads: UploadArea): void {
  queue.define(
    'uploads-sweep',
    async (run) => {
      const swept = await uploads.sweep({ now: run.startedAt });
      await run.progress(100, `${plural(swept.removed, { one: 'envio abandonado removido', other: 'envios abandonados removidos' })} (${formatBytes(swept.bytes)}).`);
    },
    { schedule: { everyMinutes: uploadSweepEveryMinutes }, timeoutMs: 10 * 60_000 },
  );
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
