import { type Database, definePlugin, ManualClock, schema } from '@painel/core/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { jobTicks } from '../fixture-plugin/src/schema.ts';
import { createPluginTestApp, type PluginTestApp, sharedPostgresCopy } from '../fixture-plugin/harness.ts';
import { seedInstant } from '../support/templates.ts';
import { openTestDatabase, postgresServerUrl } from '../support/test-db.ts';

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
    const [run] = await dbB.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.pluginJobRuns).where(eq(schema.pluginJobRuns.pluginId, 'fixture-plugin')),
    );
    expect(run).toMatchObject({ job: 'count-notes', lastStatus: 'ok', runs: 8 });
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
    t = await createPluginTestApp(db, [flaky]);
  });
  afterAll(async () => {
    release?.();
    await t.host.stop();
    await db.close();
  });

  it('records a failed run with its error, logs it and retries at the next slot', async () => {
    const [outcome] = await t.host.scheduler.tickOnce().then((o) => o.filter((x) => x.job === 'falha'));
    expect(outcome).toMatchObject({ status: 'failed', error: 'API do fornecedor respondeu 500' });
    const [row] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.pluginJobRuns).where(eq(schema.pluginJobRuns.job, 'falha')),
    );
    expect(row).toMatchObject({ lastStatus: 'failed', lastError: 'API do fornecedor respondeu 500' });
    expect(calls).toBe(1);
  });

  it('does not start a slot again while the previous run is still running (until it is clearly stale)', async () => {
    blockSlowJob = true;
    t.clock.advance(60_000);
    const first = t.host.scheduler.tickOnce();
    await new Promise((r) => setTimeout(r, 50));
    expect(release).toBeTypeOf('function');
    // The slow job is running: even a minute later another tick does not take it again.
    t.clock.advance(60_000);
    const second = await t.host.scheduler.tickOnce();
    expect(second.map((o) => o.job)).toEqual(['falha']);
    release!();
    const done = await first;
    expect(done.find((o) => o.job === 'lenta')?.status).toBe('ok');
    expect(calls).toBe(3);
  });
});
