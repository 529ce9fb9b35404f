import type { JobState } from '../db/schema/jobs.ts';

export type { JobState } from '../db/schema/jobs.ts';

/** What a job's handler gets for one attempt. */
export interface JobRun<P = unknown> {
  readonly id: string;
  readonly kind: string;
  readonly payload: P;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
  /** When this attempt was claimed (the app clock). */
  readonly startedAt: Date;
  /** The tenant the job was enqueued for (null: platform work). */
  readonly resellerId: number | null;
  readonly clinicId: number | null;
  /**
   * Aborts when the job is cancelled, times out, or this instance loses its lease (another instance
   * took the job over). Stop promptly: nothing this attempt writes through `progress` counts any more.
   */
  readonly signal: AbortSignal;
  /**
   * Records progress (0–100, rounded and clamped) and a pt-BR message the UI shows. Also renews the
   * lease. Throws the abort reason once `signal` has aborted.
   */
  progress(percent: number, message?: string): Promise<void>;
  /** Renews the lease now (it is also renewed automatically while the handler runs). */
  heartbeat(): Promise<void>;
}

export type JobHandler<P = unknown> = (run: JobRun<P>) => Promise<void>;

/** Defaults of a job kind; `enqueue` may override them per job. */
export interface JobKindOptions {
  /** An attempt is aborted (and counts as failed) after this long. Default 30 min. */
  timeoutMs?: number;
  /** Further attempts after a failed one. Default 2 (3 attempts in all); periodic jobs 0. */
  retries?: number;
  /** Wait before the first retry, doubled for each further one. Default 30 s. */
  backoffMs?: number;
}

export interface EnqueueOptions extends JobKindOptions {
  /** The tenant the job works for: who may see its progress (RLS and the progress screen). */
  resellerId?: number | null;
  clinicId?: number | null;
  /** Who asked for it. */
  userId?: number | null;
  /** Do not start before this instant. */
  runAfter?: Date;
}

/** When a periodic job runs: every N minutes, or every day at HH:MM in a time zone. */
export type JobSchedule = { everyMinutes: number } | { dailyAt: string; timeZone?: string };

/** A job as `get` returns it. */
export interface JobView {
  id: string;
  owner: string;
  kind: string;
  state: JobState;
  percent: number;
  /** The handler's last progress message (pt-BR). */
  message: string | null;
  /** Why the last attempt failed (pt-BR). */
  error: string | null;
  attempts: number;
  maxAttempts: number;
  cancelRequested: boolean;
  resellerId: number | null;
  clinicId: number | null;
  userId: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  runAfter: Date;
}

/** What one attempt ended as, on this instance (`tickOnce` returns them; tests read them). */
export interface JobOutcome {
  id: string;
  owner: string;
  kind: string;
  attempt: number;
  /** `queued`: failed, and will be retried after the backoff. */
  state: JobState;
  error?: string;
}

/** The enqueue/get/cancel view of the queue for one owner (a plugin's `ctx.jobs`). */
export interface JobsApi {
  enqueue(kind: string, payload?: unknown, options?: EnqueueOptions): Promise<string>;
  /** The job, or null when it does not exist or belongs to another owner. */
  get(id: string): Promise<JobView | null>;
  /** Cancels a queued job at once, asks a running one to stop; false when it was already finished (or not found). */
  cancel(id: string): Promise<boolean>;
}
