import { type Database, type Db, schema } from '@painel/core/testing';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

/** The database's own message (Drizzle wraps it as the `cause` of "Failed query: …"). */
async function dbError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const e = error as Error & { cause?: Error };
    return e.cause?.message ?? e.message;
  }
  return 'no error';
}

/** Tables that are deliberately not tenant tables (no RLS): migration bookkeeping and the audit chain head. */
const notTenantTables = new Set(['drizzle.*', 'public.audit_chain_head']);

describe.each(testDrivers())('row-level security on %s', (driver) => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await db.close();
  });

  const appTables = () =>
    db.query<{ schema: string; table: string; rls: boolean; forced: boolean }>(
      db.owner,
      sql`select n.nspname as schema, c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced
          from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'drizzle', 'app_private')
            and n.nspname not like 'pg_%'
          order by 1, 2`,
    );

  it('has RLS enabled and forced on every application table', async () => {
    const tables = await appTables();
    expect(tables.length).toBeGreaterThan(8);
    const missing = tables
      .filter((t) => !notTenantTables.has(`${t.schema}.${t.table}`))
      .filter((t) => !t.rls || !t.forced)
      .map((t) => `${t.schema}.${t.table}`);
    expect(missing).toEqual([]);
  });

  it('shows zero rows of every table to a transaction with no tenant set (policy module bypassed)', async () => {
    const tables = (await appTables()).filter((t) => !notTenantTables.has(`${t.schema}.${t.table}`));
    const count = (scope: 'none' | 'platform', t: { schema: string; table: string }) =>
      db.scoped({ kind: scope }, async (tx) => {
        const [row] = await db.query<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.identifier(t.schema)}.${sql.identifier(t.table)}`);
        return row?.n ?? -1;
      });
    let seeded = 0;
    for (const t of tables) {
      expect(await count('none', t), `${t.schema}.${t.table}`).toBe(0);
      if ((await count('platform', t)) > 0) seeded++;
    }
    expect(seeded, 'the demo data is there for the platform scope').toBeGreaterThan(4);
  });

  it('holds against injected SQL: the request role cannot widen its own scope', async () => {
    const clinicScope = { kind: 'clinic', resellerId: 1, clinicId: 1001 } as const;
    const foreignClinics = (tx: Db) =>
      db.query<{ n: number }>(tx, sql`select count(*)::int as n from clinics where reseller_id <> 1`).then((r) => r[0]!.n);
    const expires = Math.floor(Date.now() / 1000) + 60;
    const attempts: [string, SQL][] = [
      ['set_config app.*', sql`select set_config('app.scope', 'platform', true), set_config('app.user_id', '', true), set_config('app.reseller_id', '', true), set_config('app.clinic_id', '', true)`],
      ['pg_settings', sql`update pg_settings set setting = 'platform' where name = 'app.scope'`],
      ['role switch', sql`select set_config('role', session_user, true)`],
      ['scope key', sql`select key from app_private.scope_key`],
      ['forged entry', sql`select app_enter_scope('platform', '', '', '', now()::text, ${expires}::bigint, ${'0'.repeat(64)})`],
      // A stacked statement cannot ride along: the extended protocol takes one statement per query.
      ['stacked SET', sql`select 1; set local app.scope = 'platform'`],
    ];
    const outcomes = await db.scoped(clinicScope, async (tx) => {
      const result: Record<string, string> = {};
      for (const [name, attempt] of attempts) {
        // Each attempt in its own nested call (a savepoint): a refused statement does not end the transaction.
        result[name] = await db.scoped(clinicScope, (inner) => inner.execute(attempt)).then(
          () => 'accepted',
          (error: unknown) => String((error as { cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code ?? error),
        );
        result[`${name}: foreign clinics`] = String(await foreignClinics(tx));
        const [setting] = await db.query<{ scope: string }>(tx, sql`select current_setting('app.scope', true) as scope`);
        result[`${name}: scope`] = setting!.scope;
      }
      return result;
    });
    for (const [name] of attempts) {
      expect(outcomes[name], name).toBe(name === 'stacked SET' ? '42601' : '42501');
      expect(outcomes[`${name}: foreign clinics`], name).toBe('0');
      expect(outcomes[`${name}: scope`], name).toBe('clinic');
    }
    // The same query in platform scope does see them: the counts above are not trivially zero.
    expect(await db.scoped({ kind: 'platform' }, foreignClinics)).toBeGreaterThan(0);
  });

  it('keeps each reseller inside its own rows', async () => {
    const demo = await db.scoped({ kind: 'reseller', resellerId: 1 }, (tx) => tx.select().from(schema.clinics));
    expect(demo.map((c) => c.id).sort()).toEqual([1001, 1002, 1003]);
    expect(
      await dbError(
        db.scoped({ kind: 'reseller', resellerId: 1 }, (tx) =>
          tx.insert(schema.clinics).values({ resellerId: 2, id: 9999, name: 'Intrusa' }),
        ),
      ),
    ).toMatch(/row-level security/);
    const centro = await db.scoped({ kind: 'clinic', resellerId: 1, clinicId: 1001 }, (tx) => tx.select().from(schema.memberships));
    expect(new Set(centro.map((m) => m.clinicId))).toEqual(new Set([1001]));
  });

  it('refuses UPDATE and DELETE on the audit log, even for its owner', async () => {
    expect(await dbError(db.owner.execute(sql`update audit_log set action = 'x'`))).toMatch(/append-only/);
    expect(await dbError(db.owner.execute(sql`delete from audit_log`))).toMatch(/append-only/);
    expect(await dbError(db.scoped({ kind: 'platform' }, (tx) => tx.execute(sql`delete from audit_log`)))).toMatch(
      /permission denied/,
    );
  });
});

describe.runIf(testDrivers().includes('postgres'))('pooled connections on postgres', () => {
  it('do not leak one tenant’s settings to the next transaction on the same connection', async () => {
    const { openDatabase } = await import('@painel/core/testing');
    const base = await openTestDatabase('postgres');
    // A pool of exactly one connection: every transaction reuses it.
    const url = (base.owner as unknown as { $client: { options: { host: string[]; port: number[]; database: string; user: string } } }).$client.options;
    const single = await openDatabase({
      url: `postgres://${url.user}@${url.host[0]}:${url.port[0]}/${url.database}`,
      appRole: base.appRole,
      poolSize: 1,
    });
    try {
      const a = await single.scoped({ kind: 'reseller', resellerId: 1 }, (tx) => tx.select().from(schema.clinics));
      expect(a.length).toBe(3);
      const after = await single.query<{ scope: string | null; reseller: string | null; role: string }>(
        single.owner,
        sql`select current_setting('app.scope', true) as scope, current_setting('app.reseller_id', true) as reseller, current_user as role`,
      );
      expect(after[0]?.scope ?? '').toBe('');
      expect(after[0]?.reseller ?? '').toBe('');
      expect(after[0]?.role).not.toBe('painel_app');
      const b = await single.scoped({ kind: 'reseller', resellerId: 2 }, (tx) => tx.select().from(schema.clinics));
      expect(b.map((c) => c.id).sort()).toEqual([2001, 2002]);
      const none = await single.scoped({ kind: 'none' }, (tx) => tx.select().from(schema.clinics));
      expect(none).toEqual([]);
      // A failed transaction must not leave its settings behind either.
      await expect(
        single.scoped({ kind: 'reseller', resellerId: 1 }, async (tx) => {
          await tx.select().from(schema.clinics);
          throw new Error('rollback');
        }),
      ).rejects.toThrow('rollback');
      expect(await single.scoped({ kind: 'none' }, (tx) => tx.select().from(schema.clinics))).toEqual([]);
    } finally {
      await single.close();
      await base.close();
    }
  });
});
