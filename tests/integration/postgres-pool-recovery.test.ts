import { type Database, isDatabaseUnavailable, openDatabase, type TenantScope } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAppRole, withDatabase } from '../support/templates.ts';
import { postgresServerUrl, runTemplates } from '../support/test-db.ts';

const scope: TenantScope = { kind: 'platform' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown } | 'still pending';

/** How a promise has settled after `ms` (never waits longer). */
async function within(promise: Promise<unknown>, ms: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Outcome>((r) => {
    timer = setTimeout(() => r('still pending'), ms);
  });
  const settled = promise.then(
    (value): Outcome => ({ ok: true, value }),
    (error: unknown): Outcome => ({ ok: false, error }),
  );
  return Promise.race([settled, late]).finally(() => clearTimeout(timer));
}

/**
 * Marks a promise the test settles later (with `within`) as handled now: it may reject while the
 * test is still waiting on the server, which Node would otherwise report as an unhandled rejection.
 */
function later<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** A gate a test opens by hand. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  return { opened, open };
}

/**
 * The request path's connections (one reserved postgres.js connection per transaction) when the
 * server ends backends under them (`pg_terminate_backend`, as a restart or an operator does): no
 * transaction may hang, none may report a commit its connection never made, and the pool must serve
 * again at once, with no connection left stranded.
 */
describe.runIf(!!postgresServerUrl())('the PostgreSQL pool when the server ends connections', () => {
  let admin: postgres.Sql;
  let name: string;
  let db: Database;

  const open = (poolSize: number, reserveTimeoutMs?: number) =>
    openDatabase({ url: withDatabase(postgresServerUrl(), name), appRole: testAppRole, poolSize, ...(reserveTimeoutMs ? { reserveTimeoutMs } : {}) });
  /** Ends the backends of this test's database that sit inside a transaction (or one running `pg_sleep`). */
  const terminate = async (which: 'idle in transaction' | 'sleeping', limit: number) => {
    const filter = which === 'sleeping' ? admin`query like '%pg_sleep%'` : admin`state = 'idle in transaction'`;
    const rows = await admin`
      select pg_terminate_backend(pid) as done from pg_stat_activity
      where datname = ${name} and pid <> pg_backend_pid() and ${filter} limit ${limit}`;
    return rows.length;
  };
  const waitFor = async (check: () => Promise<boolean>) => {
    const until = Date.now() + 10_000;
    while (!(await check())) {
      if (Date.now() > until) throw new Error('condition not reached in 10 s');
      await sleep(50);
    }
  };
  const inTransaction = async (count: number) =>
    waitFor(async () => {
      const [row] = await admin`select count(*)::int as n from pg_stat_activity where datname = ${name} and state = 'idle in transaction'`;
      return row!.n >= count;
    });

  beforeEach(async () => {
    admin = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
    name = `painel_pool_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.unsafe(`create database "${name}" template "${runTemplates().postgresTemplate}"`);
  });
  afterEach(async () => {
    await db?.close();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  /** Every one of `n` concurrent transactions answers, within a few seconds. */
  const allServe = async (n: number) => {
    const runs = Array.from({ length: n }, (_, i) => db.scoped(scope, (tx) => db.query<{ n: number }>(tx, sql`select ${i}::int as n`)));
    const outcomes = await Promise.all(runs.map((r) => within(r, 8000)));
    return outcomes.map((o) => (o === 'still pending' ? o : o.ok ? (o.value as { n: number }[])[0]!.n : String((o.error as Error).message)));
  };

  it('settles a transaction that was waiting for a connection when a busy one was terminated, and reports the lost one as unavailable', async () => {
    db = await open(2);
    await db.scoped(scope, (tx) => db.query(tx, sql`select 1`));
    const hold = gate();
    const holders = [0, 1].map(() =>
      later(
        db.scoped(scope, async (tx) => {
          await db.query(tx, sql`select 1`);
          await hold.opened;
          return 'committed';
        }),
      ),
    );
    await inTransaction(2);
    // Both connections are held: this one waits for a connection in postgres.js's queue.
    const waiting = later(db.scoped(scope, (tx) => db.query<{ n: number }>(tx, sql`select 42::int as n`)));
    await sleep(200);
    expect(await terminate('idle in transaction', 1)).toBe(1);
    await sleep(500);
    hold.open();

    const outcomes = await Promise.all(holders.map((h) => within(h, 8000)));
    expect(outcomes.filter((o) => o !== 'still pending' && o.ok)).toHaveLength(1);
    const lost = outcomes.find((o) => o === 'still pending' || !o.ok);
    expect(lost, 'the transaction whose connection was terminated').not.toBe('still pending');
    expect(isDatabaseUnavailable((lost as { error: unknown }).error), String((lost as { error: unknown }).error)).toBe(true);

    const waited = await within(waiting, 8000);
    expect(waited, 'the queued transaction settles').not.toBe('still pending');
    if (waited !== 'still pending' && !waited.ok) expect(isDatabaseUnavailable(waited.error)).toBe(true);

    expect(await allServe(6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('serves every later transaction after one whose statement was cut off by a terminated backend', async () => {
    db = await open(2);
    await db.scoped(scope, (tx) => db.query(tx, sql`select 1`));
    const sleeping = later(db.scoped(scope, (tx) => db.query(tx, sql`select pg_sleep(20)`)));
    await waitFor(async () => (await admin`select 1 from pg_stat_activity where datname = ${name} and query like '%pg_sleep%' and state = 'active'`).length > 0);
    expect(await terminate('sleeping', 1)).toBe(1);
    const cut = await within(sleeping, 8000);
    expect(cut).not.toBe('still pending');
    expect(cut !== 'still pending' && !cut.ok && isDatabaseUnavailable(cut.error)).toBe(true);

    for (let round = 0; round < 4; round++) expect(await allServe(3)).toEqual([0, 1, 2]);
  });

  it('gives up waiting for a connection after the reserve timeout with an "unavailable" error', async () => {
    db = await open(1, 600);
    await db.scoped(scope, (tx) => db.query(tx, sql`select 1`));
    const hold = gate();
    const holder = db.scoped(scope, async (tx) => {
      await db.query(tx, sql`select 1`);
      await hold.opened;
    });
    await inTransaction(1);
    const started = Date.now();
    const waited = await within(
      db.scoped(scope, (tx) => db.query(tx, sql`select 1`)),
      5000,
    );
    expect(waited).not.toBe('still pending');
    expect(waited !== 'still pending' && !waited.ok && isDatabaseUnavailable(waited.error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
    hold.open();
    await holder;
    expect(await allServe(3)).toEqual([0, 1, 2]);
  });
});
