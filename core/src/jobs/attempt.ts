import type { Logger } from 'pino';
import type { Clock } from '../clock/clock.ts';
import type { JobRow } from '../db/schema/index.ts';
import type { Db } from '../db/types.ts';
import { JobAbortError, type JobAbortCause, abortMessages } from './job-abort.ts';
import { errorText, jobMessages } from './messages.ts';
import { jobStore } from './store.ts';
import type { JobHandler, JobOutcome, JobRun } from './types.ts';

/** What an attempt needs of its queue. */
export interface AttemptDeps {
  clock: Clock;
  log: Logger;
  leaseMs: number;
  /** One platform-scope transaction outside any request's. */
  platform<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

const maxTimerMs = 24 * 60 * 60_000;

/**
 * Runs one claimed attempt to its end: the handler with its `run` (progress, heartbeat, signal), the
 * automatic heartbeat and the timeout, then the outcome written under the attempt's lease token
 * (dropped when the lease was lost meanwhile).
 */
export async function runAttempt(
  deps: AttemptDeps,
  handler: JobHandler<any>,
  row: JobRow,
  token: string,
  controller: AbortController,
): Promise<JobOutcome> {
  const log = deps.log.child({ job: row.id, owner: row.owner, kind: row.kind, attempt: row.attempts });
  const startedAt = row.startedAt ?? deps.clock.now();
  const outcome = (state: JobOutcome['state'], error?: string): JobOutcome => ({
    id: row.id,
    owner: row.owner,
    kind: row.kind,
    attempt: row.attempts,
    state,
    ...(error ? { error } : {}),
  });
  const abort = (cause: JobAbortCause) => {
    if (!controller.signal.aborted) controller.abort(new JobAbortError(cause, abortMessages[cause]));
  };
  let lost = false;
  let leaseUntil = startedAt.getTime() + deps.leaseMs;
  const renewed = (result: { cancelRequested: boolean } | null) => {
    if (!result) {
      lost = true;
      abort('lease');
      throw controller.signal.reason;
    }
    leaseUntil = deps.clock.now().getTime() + deps.leaseMs;
    if (result.cancelRequested) abort('cancel');
  };
  const checkTime = () => {
    if (deps.clock.now().getTime() - startedAt.getTime() >= row.timeoutMs) abort('timeout');
  };
  const heartbeat = async () => {
    if (lost) throw controller.signal.reason;
    checkTime();
    renewed(await deps.platform((tx) => jobStore.heartbeat(tx, row.id, token, deps.clock.now(), deps.leaseMs)));
  };
  const run: JobRun = {
    id: row.id,
    kind: row.kind,
    payload: row.payload,
    attempt: row.attempts,
    startedAt,
    resellerId: row.resellerId,
    clinicId: row.clinicId,
    signal: controller.signal,
    heartbeat,
    progress: async (percent, message) => {
      if (controller.signal.aborted) throw controller.signal.reason;
      checkTime();
      const value = Math.max(0, Math.min(100, Math.round(Number.isFinite(percent) ? percent : 0)));
      const text = message === undefined ? null : String(message).slice(0, 500);
      renewed(await deps.platform((tx) => jobStore.progress(tx, row.id, token, deps.clock.now(), deps.leaseMs, value, text)));
      if (controller.signal.aborted) throw controller.signal.reason;
    },
  };
  const beat = setInterval(
    () => {
      heartbeat().catch((error: unknown) => {
        if (error instanceof JobAbortError) return;
        // The database did not answer: once our lease has run out by our own clock, stop.
        if (deps.clock.now().getTime() >= leaseUntil) {
          lost = true;
          abort('lease');
        }
      });
    },
    Math.max(100, Math.floor(deps.leaseMs / 4)),
  );
  const deadline = setTimeout(() => abort('timeout'), Math.min(row.timeoutMs, maxTimerMs));
  log.info('job attempt started');
  let failure: unknown = null;
  try {
    await handler(run);
  } catch (error) {
    failure = error ?? new Error('erro desconhecido');
  } finally {
    clearInterval(beat);
    clearTimeout(deadline);
  }
  if (lost) {
    log.warn('job attempt lost its lease; its result is dropped');
    return outcome('running', abortMessages.lease);
  }
  const cause = controller.signal.aborted ? (controller.signal.reason as JobAbortError).why : null;
  const now = deps.clock.now();
  let result: JobOutcome;
  let written: boolean;
  if (cause === 'cancel') {
    written = await deps.platform((tx) => jobStore.finish(tx, row.id, token, { state: 'cancelled', message: jobMessages.cancelled, finishedAt: now }));
    result = outcome('cancelled');
  } else if (cause === 'shutdown') {
    // Not the job's fault: back in the queue, the attempt not counted.
    written = await deps.platform((tx) =>
      jobStore.finish(tx, row.id, token, { state: 'queued', attempts: Math.max(0, row.attempts - 1), runAfter: now }),
    );
    result = outcome('queued', abortMessages.shutdown);
  } else if (failure === null && cause === null) {
    written = await deps.platform((tx) => jobStore.finish(tx, row.id, token, { state: 'succeeded', percent: 100, error: null, finishedAt: now }));
    result = outcome('succeeded');
  } else {
    const error = cause === 'timeout' ? jobMessages.timedOut(row.timeoutMs) : errorText(failure);
    if (row.attempts < row.maxAttempts) {
      const runAfter = new Date(now.getTime() + row.backoffMs * 2 ** (row.attempts - 1));
      written = await deps.platform((tx) => jobStore.finish(tx, row.id, token, { state: 'queued', error, runAfter }));
      result = outcome('queued', error);
    } else {
      written = await deps.platform((tx) => jobStore.finish(tx, row.id, token, { state: 'failed', error, finishedAt: now }));
      result = outcome('failed', error);
    }
    log.warn({ err: failure ?? undefined, state: result.state }, 'job attempt failed');
  }
  if (!written) {
    log.warn('job attempt lost its lease before finishing; its result is dropped');
    return outcome('running', abortMessages.lease);
  }
  log.info({ state: result.state }, 'job attempt finished');
  return result;
}
