import type { JobRun, PluginContext } from '@painel/core/plugin';
import { probe } from './probe.ts';
import { jobSteps } from './schema.ts';
import type { FixtureSettings } from './settings.ts';

/** The `count-slowly` job's payload. */
export interface CountSlowly {
  steps: number;
  stepMs: number;
  /** Throw at the first step of these attempts (retries with backoff). */
  failOnAttempts?: number[];
  /** Keep going after `signal` aborts (tests prove the late attempt's writes are fenced). */
  ignoreSignal?: boolean;
}

function pause(ms: number, signal: AbortSignal | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

/**
 * Counts `steps` steps, `stepMs` apart: records each step (attempt, process) in the reseller's
 * `job_steps` rows and reports progress "Etapa i de n"; stops when cancelled.
 */
export async function countSlowly(run: JobRun<CountSlowly>, ctx: PluginContext<FixtureSettings>): Promise<void> {
  const { steps, stepMs, failOnAttempts = [], ignoreSignal = false } = run.payload;
  const resellerId = run.resellerId!;
  await run.progress(0, `Começando: ${steps} etapas`);
  for (let step = 1; step <= steps; step++) {
    if (!ignoreSignal) run.signal.throwIfAborted();
    if (step === 1 && failOnAttempts.includes(run.attempt)) throw new Error(`Falha simulada na tentativa ${run.attempt}.`);
    await ctx.scoped({ kind: 'reseller', resellerId }, (tx) =>
      tx.insert(jobSteps).values({ resellerId, jobId: run.id, attempt: run.attempt, step, worker: String(process.pid), at: new Date() }),
    );
    await pause(stepMs, ignoreSignal ? null : run.signal);
    if (probe.jobGate) await probe.jobGate;
    if (ignoreSignal && run.signal.aborted) continue;
    await run.progress((step / steps) * 100, `Etapa ${step} de ${steps}`);
  }
}
