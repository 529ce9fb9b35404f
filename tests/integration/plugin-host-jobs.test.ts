import { type Database, definePlugin, ManualClock, schema } from '@painel/core/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { jobTicks } from '../fixture-plugin/src/schema.ts';
import { createPluginTestApp, type PluginTestApp, sharedPostgresCopy } from '../fixture-plugin/harness.ts';
import { seedInstant } from '../support/templates.ts';
import { openTestDatabase, postgresServerUrl } from '../support/test-db.ts';
import { enqueueCount, fixtureJobs, jobRow, resellerId, stepsOf, waitFor } from './jobs-helpers.ts';

const fiveMinutes = 5 * 60_000;

describe.runIf(postgresServerUrl())('plugin jobs with two app instances on one PostgreSQL', () => {
  let shared: Awaited<ReturnType<typeof sharedPostgresCopy>>;
  let dbA: Database;
  let dbB: Database;
  let a: PluginTestApp;
  let b: PluginTestApp;

  beforeAll(async () => {
    shared = await sharedPostgresCopy();
    dbA = await shared!.open();
    dbB = await shared!.open();
    a = await createPluginTestApp(dbA, [fixturePlugin], { clock: new ManualClock(seedInstant) });
    b = await createPluginTestApp(dbB, [fixturePlugin], { clock: new ManualClock(seedInstant), migrate: false });
  });
  afterAll(async () => {
    await a?.host.stop();
    await b?.host.stop();
    await dbA?.close();
    await dbB?.close();
    await shared?.drop();
  });

  it('runs each slot exactly once, whichever instance claims it', async () => {
    const ranOn = { a: 0, b: 0 };
    for (let slot = 0; slot < 8; slot++) {
      const ticks = await Promise.all([
        a.host.scheduler.tickOnce(),
        b.host.scheduler.tickOnce(),
        b.host.scheduler.tickOnce(),
        a.host.scheduler.tickOnce(),
      ]);
      expect(ticks.flat()).toHaveLength(1);
      ranOn.a += ticks[0]!.length + ticks[3]!.length;
      ranOn.b += ticks[1]!.length + ticks[2]!.length;
      a.clock.advance(fiveMinutes);
      b.clock.advance(fiveMinutes);
    }
    const rows = await dbA.scoped({ kind: 'platform' }, (tx) => tx.select().from(jobTicks));
    expect(rows).toHaveLength(8);
    expect(new Set(rows.map((r) => r.slot.getTime())).size).toBe(8);
    expect(ranOn.a + ranOn.b).toBe(8);
    const runs = await dbB.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.jobs).where(and(eq(schema.jobs.owner, 'fixture-plugin'), eq(schema.jobs.kind, 'count-notes'))),
    );
    expect(runs).toHaveLength(8);
    expect(runs.every((r) => r.state === 'succeeded' && r.attempts === 1)).toBe(true);
  });

  it('runs each enqueued job exactly once while both instances poll', async () => {
    const demo = await resellerId(dbA, '0101');
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => enqueueCount(i % 2 ? a : b, demo, { steps: 3, stepMs: 5 })));
    a.services.jobs.start();
    b.services.jobs.start();
    try {
      await waitFor(
        () => Promise.all(ids.map((id) => fixtureJobs(a).get(id))),
        (jobs) => jobs.every((j) => j?.state === 'succeeded'),
        30_000,
      );
    } finally {
      await a.services.jobs.stop();
      await b.services.jobs.stop();
    }
    for (const id of ids) {
      expect(await jobRow(dbA, id)).toMatchObject({ attempts: 1, state: 'succeeded' });
      expect((await stepsOf(dbA, id)).map((s) => `${s.attempt}:${s.step}`)).toEqual(['1:1', '1:2', '1:3']);
    }
    const workers = new Set(await Promise.all(ids.map(async (id) => (await jobRow(dbA, id)).worker)));
    expect(workers.size).toBeGreaterThanOrEqual(1);
  });
});

describe('plugin job bookkeeping on pglite', () => {
  let db: Database;
  let t: PluginTestApp;
  let calls = 0;
  let release: (() => void) | undefined;
  let blockSlowJob = false;

  const flaky = definePlugin({
    id: 'flaky-jobs',
    version: '1.0.0',
    displayName: 'Tarefas instáveis',
    requires: { core: '^1.0.0' },
    register(r) {
      r.job('falha', { everyMinutes: 1 }, async () => {
        calls++;
        throw new Error('API do fornecedor respondeu 500');
      });
      r.job('lenta', { everyMinutes: 1 }, () =>
        blockSlowJob ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve(),
      );
    },
  });

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    // A lease longer than the minutes the test moves the clock: the slow run stays this instance's.
    t = await createPluginTestApp(db, [flaky], { env: { JOB_LEASE_SECONDS: '3600' } });
  });
  afterAll(async () => {
    release?.();
    await t.host.stop();
    await db.close();
  });

  it('records a failed run with its error and runs it again at the next slot', async () => {
    const [outcome] = await t.host.scheduler.tickOnce().then((o) => o.filter((x) => x.kind === 'falha'));
    expect(outcome).toMatchObject({ state: 'failed', error: 'API do fornecedor respondeu 500' });
    const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.jobs).where(eq(schema.jobs.kind, 'falha')));
    expect(row).toMatchObject({ state: 'failed', error: 'API do fornecedor respondeu 500', attempts: 1 });
    expect(calls).toBe(1);
  });

  it('does not start a slot again while the previous run is still running', async () => {
    blockSlowJob = true;
    t.clock.advance(60_000);
    const first = t.host.scheduler.tickOnce();
    await waitFor(async () => release, (r) => typeof r === 'function');
    // The slow job is running: a minute later another tick runs the other job, not this one again.
    t.clock.advance(60_000);
    const second = await t.host.scheduler.tickOnce();
    expect(second.map((o) => o.kind)).not.toContain('lenta');
    release!();
    const done = await first;
    expect(done.find((o) => o.kind === 'lenta')?.state).toBe('succeeded');
    const slow = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.jobs).where(eq(schema.jobs.kind, 'lenta')));
    expect(slow.map((r) => [r.state, r.attempts])).toEqual([
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
  });
});
