import type { Database, Db } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

/**
 * The request's one transaction (core/src/db/transaction.ts): its first call runs without a savepoint
 * (a failure there ends the transaction and the next call begins a new one), and the reads every page
 * needs ride along with the next call in the transaction's scope instead of costing a turn of their own.
 */
describe.each(testDrivers())('the request transaction on %s', (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  const reseller = { kind: 'reseller', resellerId: 1 } as const;
  const clinicsSeen = (tx: Db) => db.query<{ n: number }>(tx, sql`select count(*)::int as n from clinics`).then((r) => r[0]!.n);
  const scopeSetting = (tx: Db) =>
    db.query<{ scope: string }>(tx, sql`select current_setting('app.scope', true) as scope`).then((r) => r[0]!.scope);

  it('begins a new transaction, in its scope, after its first call failed', async () => {
    const t = db.transaction(reseller);
    await expect(t.run((tx) => tx.execute(sql`select 1 / 0`))).rejects.toThrow();
    // The transaction of the failed call is gone: the next call works and sees the scope's rows.
    expect(await t.run(clinicsSeen)).toBe(3);
    expect(await t.run(scopeSetting)).toBe('reseller');
    await t.finish(true);
  });

  it('keeps the work of earlier calls when a later call fails (that one has a savepoint)', async () => {
    const t = db.transaction(reseller);
    await t.run((tx) => tx.execute(sql`create temporary table kept (n int) on commit drop`));
    await t.run((tx) => tx.execute(sql`insert into kept values (1)`));
    await expect(t.run((tx) => tx.execute(sql`select 1 / 0`))).rejects.toThrow();
    const [row] = await t.run((tx) => db.query<{ n: number }>(tx, sql`select count(*)::int as n from kept`));
    expect(row!.n).toBe(1);
    await t.finish(true);
  });

  it('runs the riding reads once, with the next call in the transaction scope', async () => {
    const t = db.transaction(reseller);
    const seen: { scope: string; clinics: number }[] = [];
    t.ride(async (tx) => {
      seen.push({ scope: await scopeSetting(tx), clinics: await clinicsSeen(tx) });
    });
    // A call in another scope does not carry them (they must see the request's scope).
    expect(await t.run(scopeSetting, { kind: 'platform' })).toBe('platform');
    expect(seen).toEqual([]);
    expect(await t.run(scopeSetting)).toBe('reseller');
    expect(seen).toEqual([{ scope: 'reseller', clinics: 3 }]);
    await t.settle();
    await t.run(clinicsSeen);
    expect(seen).toHaveLength(1);
    await t.finish(true);
  });

  it('runs the riding reads on settle() when no call carried them', async () => {
    const t = db.transaction(reseller);
    let ran = 0;
    t.ride(async (tx) => {
      ran += (await clinicsSeen(tx)) === 3 ? 1 : 100;
    });
    await t.settle();
    await t.settle();
    expect(ran).toBe(1);
    await t.finish(true);
  });
});
