import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import type { JobRow } from '../db/schema/index.ts';
import { outsideTransactions } from '../db/transaction.ts';
import type { Database, Db } from '../db/types.ts';
import { runAttempt } from './attempt.ts';
import { JobAbortError, abortMessages } from './job-abort.ts';
import { jobMessages } from './messages.ts';
import { firstRun, nextRunAfter, scheduleProblem } from './schedule.ts';
import { jobStore } from './store.ts';
import type { EnqueueOptions, JobHandler, JobKindOptions, JobOutcome, JobSchedule, JobsApi, JobView } from './types.ts';

export interface JobQueueOptions {
  /** How long a claimed attempt stays ours without a heartbeat. Default 60 s. */
  leaseMs?: number;
  /** How often `start()` looks for work. Default 1 s. */
  pollMs?: number;
  /** Attempts this instance runs at once. Default 2. */
  concurrency?: number;
  /** Names this instance in the job rows (default host:pid). */
  worker?: string;
}

export interface DefineOptions extends JobKindOptions {
  /** Run periodically on the same mechanism (no payload). */
  schedule?: JobSchedule;
  /** False while the owner cannot run work (a plugin that failed to start): its jobs stay queued. */
  runnable?: () => boolean;
}

interface Kind {
  owner: string;
  kind: string;
  handler: JobHandler<any>;
  timeoutMs: number;
  retries: number;
  backoffMs: number;
  schedule: JobSchedule | undefined;
  runnable: () => boolean;
}

const kindPattern = /^[a-z][a-z0-9-]*$/;
const platform = { kind: 'platform' } as const;
const defaults = { timeoutMs: 30 * 60_000, retries: 2, backoffMs: 30_000 };
const maxTimeoutMs = 24 * 60 * 60_000;

export class JobDefinitionError extends Error {
  override name = 'JobDefinitionError';
}

/** The queue as one owner sees it: define kinds, enqueue, read and cancel its own jobs. */
export interface OwnerJobs extends JobsApi {
  define<P = unknown>(kind: string, handler: JobHandler<P>, options?: DefineOptions): void;
}

/**
 * Durable jobs on the app's database (PGlite or PostgreSQL), shared by every instance. A job is one
 * row in `jobs`; an instance claims it with a lease (SELECT … FOR UPDATE SKIP LOCKED, then a fresh
 * lease token), renews the lease by heartbeat while the handler runs, and fences every later write of
 * that attempt by the token. Another instance takes a job over only once its lease has expired; the
 * runner that lost it sees its `signal` abort and can no longer write. Periodic jobs are kinds with a
 * schedule: a schedule row moves forward in one UPDATE and the run is enqueued in the same transaction.
 */
export class JobQueue implements OwnerJobs {
  readonly leaseMs: number;
  readonly pollMs: number;
  readonly concurrency: number;
  readonly worker: string;
  readonly #kinds = new Map<string, Kind>();
  readonly #active = new Map<string, { controller: AbortController; done: Promise<JobOutcome> }>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #polling: Promise<void> | undefined;
  #stopping = false;

  constructor(
    readonly database: Database,
    private readonly clock: Clock,
    private readonly log: Logger,
    options: JobQueueOptions = {},
  ) {
    this.leaseMs = options.leaseMs ?? 60_000;
    this.pollMs = options.pollMs ?? 1_000;
    this.concurrency = options.concurrency ?? 2;
    this.worker = options.worker ?? `${hostname()}:${process.pid}`;
  }

  /** Every kind defined so far (the plugins page lists the periodic ones). */
  kinds(owner?: string): readonly Readonly<Kind>[] {
    return [...this.#kinds.values()].filter((k) => owner === undefined || k.owner === owner);
  }

  /** The API of one owner (`core`, a module id, a plugin id): it sees and cancels only its own jobs. */
  for(owner: string): OwnerJobs {
    return {
      define: (kind, handler, options) => this.defineFor(owner, kind, handler, options),
      enqueue: (kind, payload, options) => this.enqueueFor(owner, kind, payload, options),
      get: (id) => this.find(id, owner),
      cancel: (id) => this.cancelJob(id, owner),
    };
  }

  // Core's own jobs (owner "core").
  define<P = unknown>(kind: string, handler: JobHandler<P>, options?: DefineOptions): void {
    this.defineFor('core', kind, handler, options);
  }
  enqueue(kind: string, payload?: unknown, options?: EnqueueOptions): Promise<string> {
    return this.enqueueFor('core', kind, payload, options);
  }
  get(id: string): Promise<JobView | null> {
    return this.find(id, 'core');
  }
  cancel(id: string): Promise<boolean> {
    return this.cancelJob(id, 'core');
  }

  defineFor<P>(owner: string, kind: string, handler: JobHandler<P>, options: DefineOptions = {}): void {
    const key = `${owner}:${kind}`;
    const fail = (why: string): never => {
      throw new JobDefinitionError(`A tarefa "${key}" ${why}.`);
    };
    if (!kindPattern.test(kind)) fail('deve ter um nome no formato [a-z][a-z0-9-]*');
    if (this.#kinds.has(key)) fail('foi definida duas vezes');
    if (typeof handler !== 'function') fail('precisa de uma função (run) => Promise<void>');
    if (options.schedule) {
      const problem = scheduleProblem(options.schedule);
      if (problem) fail(problem);
    }
    const settings = checkedOptions(options, options.schedule ? { ...defaults, retries: 0 } : defaults, fail);
    this.#kinds.set(key, {
      owner,
      kind,
      handler: handler as JobHandler<any>,
      ...settings,
      schedule: options.schedule,
      runnable: options.runnable ?? (() => true),
    });
  }

  /** Adds a job; returns its id. Inside a request it commits (or rolls back) with the request's work. */
  async enqueueFor(owner: string, kind: string, payload: unknown = {}, options: EnqueueOptions = {}): Promise<string> {
    const key = `${owner}:${kind}`;
    const known = this.#kinds.get(key);
    if (!known) throw new JobDefinitionError(jobMessages.unknownKind(key));
    const settings = checkedOptions(options, known, (why) => {
      throw new JobDefinitionError(`A tarefa "${key}" ${why}.`);
    });
    if (options.clinicId != null && options.resellerId == null) {
      throw new JobDefinitionError(`A tarefa "${key}": clinicId exige resellerId.`);
    }
    const id = randomUUID();
    const now = this.clock.now();
    await this.database.scoped(platform, (tx) =>
      jobStore.insert(tx, {
        id,
        owner,
        kind,
        payload: JSON.parse(JSON.stringify(payload ?? {})) as unknown,
        resellerId: options.resellerId ?? null,
        clinicId: options.clinicId ?? null,
        userId: options.userId ?? null,
        state: 'queued',
        maxAttempts: settings.retries + 1,
        timeoutMs: settings.timeoutMs,
        backoffMs: settings.backoffMs,
        runAfter: options.runAfter ?? now,
        createdAt: now,
      }),
    );
    this.#nudge();
    return id;
  }

  /** A job by id (of `owner` when given), or null. */
  async find(id: string, owner?: string): Promise<JobView | null> {
    if (!isUuid(id)) return null;
    const row = await this.database.scoped(platform, (tx) => jobStore.get(tx, id, owner));
    return row ? jobView(row) : null;
  }

  /**
   * Cancels a job (of `owner` when given): a queued one at once, a running one by asking its runner to
   * stop (its `signal` aborts at the next heartbeat, at once on this instance). False when the job was
   * already finished or does not exist.
   */
  async cancelJob(id: string, owner?: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const state = await this.database.scoped(platform, (tx) =>
      jobStore.cancel(tx, id, owner, this.clock.now(), jobMessages.cancelled, jobMessages.cancelRequested),
    );
    if (state === 'running') this.#active.get(id)?.controller.abort(new JobAbortError('cancel', abortMessages.cancel));
    return state !== null;
  }

  /**
   * One pass, awaited: enqueues the due periodic runs, ends abandoned attempts with no attempts left,
   * then claims and runs what is due here, one after the other, until nothing is left. Tests call it;
   * `start()` polls instead.
   */
  async tickOnce(): Promise<JobOutcome[]> {
    return outsideTransactions(async () => {
      await this.#enqueueDueSchedules();
      await this.#sweep();
      const outcomes: JobOutcome[] = [];
      for (;;) {
        const claimed = await this.#claim();
        if (!claimed) return outcomes;
        const controller = new AbortController();
        const done = this.#execute(claimed.row, claimed.token, controller);
        this.#active.set(claimed.row.id, { controller, done });
        try {
          outcomes.push(await done);
        } finally {
          this.#active.delete(claimed.row.id);
        }
      }
    });
  }

  /** Polls every `pollMs` (main.ts), running up to `concurrency` attempts at once. */
  start(): void {
    if (this.#timer) return;
    this.#stopping = false;
    this.#timer = setInterval(() => this.#nudge(), this.pollMs);
    this.#timer.unref?.();
    this.#nudge();
  }

  /**
   * Stops polling; attempts still running are asked to stop (`signal` aborts with cause `shutdown`)
   * and put back in the queue without using up an attempt. Waits for them up to `graceMs`.
   */
  async stop(graceMs = 10_000): Promise<void> {
    this.#stopping = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#polling;
    const running = [...this.#active.values()];
    for (const { controller } of running) controller.abort(new JobAbortError('shutdown', abortMessages.shutdown));
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      Promise.allSettled(running.map((r) => r.done)),
      new Promise((resolve) => (timer = setTimeout(resolve, graceMs))),
    ]);
    clearTimeout(timer);
  }

  #nudge(): void {
    if (!this.#timer || this.#polling || this.#stopping) return;
    this.#polling = outsideTransactions(() => this.#poll())
      .catch((error: unknown) => this.log.error({ err: error }, 'job queue poll failed'))
      .finally(() => {
        this.#polling = undefined;
      });
  }

  async #poll(): Promise<void> {
    await this.#enqueueDueSchedules();
    await this.#sweep();
    while (!this.#stopping && this.#active.size < this.concurrency) {
      const claimed = await this.#claim();
      if (!claimed) return;
      const { row, token } = claimed;
      const controller = new AbortController();
      const done = this.#execute(row, token, controller)
        .catch((error: unknown): JobOutcome => {
          this.log.error({ err: error, job: row.id }, 'job attempt bookkeeping failed');
          return { id: row.id, owner: row.owner, kind: row.kind, attempt: row.attempts, state: 'running' };
        })
        .finally(() => {
          this.#active.delete(row.id);
          if (this.#timer) setImmediate(() => this.#nudge());
        });
      this.#active.set(row.id, { controller, done });
    }
  }

  #platform<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    return outsideTransactions(() => this.database.scoped(platform, fn));
  }

  async #enqueueDueSchedules(): Promise<void> {
    const now = this.clock.now();
    for (const kind of this.#kinds.values()) {
      if (!kind.schedule || !kind.runnable()) continue;
      const schedule = kind.schedule;
      await this.#platform(async (tx) => {
        const won = await jobStore.claimSchedule(tx, kind.owner, kind.kind, now, firstRun(schedule, now), nextRunAfter(schedule, now));
        if (!won) return;
        await jobStore.insert(tx, {
          id: randomUUID(),
          owner: kind.owner,
          kind: kind.kind,
          payload: {},
          state: 'queued',
          maxAttempts: kind.retries + 1,
          timeoutMs: kind.timeoutMs,
          backoffMs: kind.backoffMs,
          runAfter: now,
          createdAt: now,
        });
      });
    }
  }

  async #sweep(): Promise<void> {
    const ended = await this.#platform((tx) => jobStore.failAbandoned(tx, this.clock.now(), jobMessages.crashed, jobMessages.cancelled));
    if (ended > 0) this.log.warn({ jobs: ended }, 'abandoned jobs with no attempts left were ended');
  }

  async #claim(): Promise<{ row: JobRow; token: string } | null> {
    const runnable = [...this.#kinds.entries()].filter(([, k]) => k.runnable()).map(([key]) => key);
    if (runnable.length === 0) return null;
    const token = randomUUID();
    const row = await this.#platform((tx) => jobStore.claim(tx, runnable, this.clock.now(), this.leaseMs, token, this.worker));
    return row ? { row, token } : null;
  }

  /** Runs one claimed attempt to its end and records the outcome (fenced by `token`). */
  #execute(row: JobRow, token: string, controller: AbortController): Promise<JobOutcome> {
    const kind = this.#kinds.get(`${row.owner}:${row.kind}`)!;
    const platformTx = <T>(fn: (tx: Db) => Promise<T>) => this.#platform(fn);
    return runAttempt({ clock: this.clock, log: this.log, leaseMs: this.leaseMs, platform: platformTx }, kind.handler, row, token, controller);
  }
}

function checkedOptions(
  options: JobKindOptions,
  base: { timeoutMs: number; retries: number; backoffMs: number },
  fail: (why: string) => never,
): { timeoutMs: number; retries: number; backoffMs: number } {
  const timeoutMs = options.timeoutMs ?? base.timeoutMs;
  const retries = options.retries ?? base.retries;
  const backoffMs = options.backoffMs ?? base.backoffMs;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > maxTimeoutMs) fail('precisa de timeoutMs inteiro entre 1 e 86400000 (24 h)');
  if (!Number.isInteger(retries) || retries < 0 || retries > 20) fail('precisa de retries inteiro entre 0 e 20');
  if (!Number.isInteger(backoffMs) || backoffMs < 1 || backoffMs > maxTimeoutMs) fail('precisa de backoffMs inteiro entre 1 e 86400000');
  return { timeoutMs, retries, backoffMs };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: string): boolean => typeof id === 'string' && uuidPattern.test(id);

export function jobView(row: JobRow): JobView {
  return {
    id: row.id,
    owner: row.owner,
    kind: row.kind,
    state: row.state,
    percent: row.percent,
    message: row.message,
    error: row.error,
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    cancelRequested: row.cancelRequested,
    resellerId: row.resellerId,
    clinicId: row.clinicId,
    userId: row.userId,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    runAfter: row.runAfter,
  };
}
