import { and, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import { pluginJobRuns } from '../db/schema/index.ts';
import type { Database } from '../db/types.ts';

/** One periodic job of one plugin, as the scheduler sees it. */
export interface ScheduledJob {
  pluginId: string;
  name: string;
  everyMinutes: number;
  /** False while the plugin is not started (failed start, stopping): the job is not claimed. */
  runnable(): boolean;
  run(startedAt: Date): Promise<void>;
}

export interface JobOutcome {
  pluginId: string;
  job: string;
  startedAt: Date;
  status: 'ok' | 'failed';
  error?: string;
}

const platform = { kind: 'platform' } as const;
const minute = 60_000;

/**
 * Runs plugins' periodic jobs once per slot across every app instance sharing the database. A run is
 * claimed with one INSERT … ON CONFLICT DO UPDATE … WHERE <due> RETURNING: Postgres serialises the
 * claims on the job's row, so of two instances ticking together exactly one gets the row back. A run
 * still marked `running` is only taken over once it is clearly stale (crashed instance).
 */
export class JobScheduler {
  #timer: ReturnType<typeof setInterval> | undefined;
  #ticking: Promise<JobOutcome[]> | undefined;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly log: Logger,
    readonly jobs: readonly ScheduledJob[],
  ) {}

  /** Claims and runs every due job once; returns what ran here (tests call this directly). */
  async tickOnce(): Promise<JobOutcome[]> {
    const outcomes: JobOutcome[] = [];
    for (const job of this.jobs) {
      if (!job.runnable()) continue;
      const startedAt = await this.claim(job);
      if (!startedAt) continue;
      outcomes.push(await this.execute(job, startedAt));
    }
    return outcomes;
  }

  /** Ticks every `intervalMs` (main.ts); a tick still running is not overlapped. */
  start(intervalMs = 30_000): void {
    if (this.#timer || this.jobs.length === 0) return;
    this.#timer = setInterval(() => {
      if (this.#ticking) return;
      this.#ticking = this.tickOnce()
        .catch((error: unknown) => {
          this.log.error({ err: error }, 'job scheduler tick failed');
          return [];
        })
        .finally(() => {
          this.#ticking = undefined;
        });
    }, intervalMs);
    this.#timer.unref?.();
  }

  /** Stops ticking and waits for a tick in progress. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#ticking;
  }

  private async claim(job: ScheduledJob): Promise<Date | null> {
    const now = this.clock.now();
    const dueBefore = new Date(now.getTime() - job.everyMinutes * minute);
    const staleBefore = new Date(now.getTime() - Math.max(2 * job.everyMinutes * minute, 30 * minute));
    const rows = await this.db.scoped(platform, (tx) =>
      tx
        .insert(pluginJobRuns)
        .values({ pluginId: job.pluginId, job: job.name, lastStartedAt: now, lastStatus: 'running', runs: 1 })
        .onConflictDoUpdate({
          target: [pluginJobRuns.pluginId, pluginJobRuns.job],
          set: { lastStartedAt: now, lastStatus: 'running', lastError: null, runs: sql`${pluginJobRuns.runs} + 1` },
          setWhere: sql`${pluginJobRuns.lastStartedAt} <= ${dueBefore.toISOString()}::timestamptz
            and (${pluginJobRuns.lastStatus} <> 'running' or ${pluginJobRuns.lastStartedAt} <= ${staleBefore.toISOString()}::timestamptz)`,
        })
        .returning({ startedAt: pluginJobRuns.lastStartedAt }),
    );
    return rows[0]?.startedAt ?? null;
  }

  private async execute(job: ScheduledJob, startedAt: Date): Promise<JobOutcome> {
    const log = this.log.child({ plugin: job.pluginId, job: job.name });
    log.info({ startedAt }, 'job started');
    let outcome: JobOutcome;
    try {
      await job.run(startedAt);
      outcome = { pluginId: job.pluginId, job: job.name, startedAt, status: 'ok' };
      log.info('job finished');
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 500);
      outcome = { pluginId: job.pluginId, job: job.name, startedAt, status: 'failed', error: message };
      log.error({ err: error }, 'job failed');
    }
    await this.db.scoped(platform, (tx) =>
      tx
        .update(pluginJobRuns)
        .set({ lastFinishedAt: this.clock.now(), lastStatus: outcome.status, lastError: outcome.error ?? null })
        .where(
          and(
            eq(pluginJobRuns.pluginId, job.pluginId),
            eq(pluginJobRuns.job, job.name),
            eq(pluginJobRuns.lastStartedAt, startedAt),
          ),
        ),
    );
    return outcome;
  }
}
