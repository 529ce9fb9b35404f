import { type Database, type JobsApi, schema } from '@painel/core/testing';
import { asc, eq } from 'drizzle-orm';
import type { CountSlowly } from '../fixture-plugin/src/count-slowly.ts';
import { jobSteps } from '../fixture-plugin/src/schema.ts';
import type { PluginTestApp } from '../fixture-plugin/harness.ts';

/** The fixture plugin's `ctx.jobs` on this app. */
export const fixtureJobs = (t: PluginTestApp): JobsApi => t.host.get('fixture-plugin')!.context.jobs;

export function enqueueCount(t: PluginTestApp, resellerId: number, payload: CountSlowly, options: Parameters<JobsApi['enqueue']>[2] = {}) {
  return fixtureJobs(t).enqueue('count-slowly', payload, { resellerId, ...options });
}

export async function jobRow(db: Database, id: string) {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.jobs).where(eq(schema.jobs.id, id)));
  return row!;
}

export function stepsOf(db: Database, id: string) {
  return db.scoped({ kind: 'platform' }, (tx) => tx.select().from(jobSteps).where(eq(jobSteps.jobId, id)).orderBy(asc(jobSteps.id)));
}

export async function resellerId(db: Database, code: string): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) =>
    tx.select({ id: schema.resellers.id }).from(schema.resellers).where(eq(schema.resellers.code, code)),
  );
  return row!.id;
}

export async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
