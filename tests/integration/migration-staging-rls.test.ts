/**
 * The homologation staging's row-level security, keyed by singular, base and version (migration 0003):
 * a base reads and loads only its own versions' rows, only into a version being loaded, never a forged
 * base or version; expired versions' rows are gone from every scope; the EHR entities are a second wall
 * for support agents, singular admins and platform admins; nobody rewrites the rows.
 */
import type { TenantScope } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, startMigrationApp } from './migration-harness.ts';

describe.each(testDrivers())('staging row-level security on %s', (driver) => {
  let t: MigrationTestApp;
  const ids: Record<string, number> = {};
  let reseller: number;
  let otherReseller: number;
  let req1001: number;
  let req1002: number;
  let v1001: number;
  let v1002: number;

  const run = <R,>(scope: TenantScope, query: ReturnType<typeof sql>) => t.db.scoped(scope, (tx) => t.db.query<R>(tx, query));
  const base = (clinicId: number, userId?: number): TenantScope => ({ kind: 'clinic', resellerId: reseller, clinicId, ...(userId ? { userId } : {}) });
  const stage = (scope: TenantScope, versionId: number, clinicId: number, requestId: number, entity: string, line: number) =>
    run(scope, sql`insert into migration.staged_rows (reseller_id, clinic_id, request_id, version_id, entity, source_line, source, data)
                   values (${reseller}, ${clinicId}, ${requestId}, ${versionId}, ${entity}, ${line}, '{"Nome":"x"}'::jsonb, '{"nome":"x"}'::jsonb)`);
  const lines = async (scope: TenantScope) =>
    (await run<{ version_id: number; entity: string; source_line: number }>(scope, sql`select version_id::int, entity, source_line from migration.staged_rows order by version_id, entity, source_line`)).map(
      (r) => `${r.version_id === v1001 ? 'v1001' : r.version_id === v1002 ? 'v1002' : r.version_id}:${r.entity}:${r.source_line}`,
    );

  /** The database's own message of a refused statement (drizzle wraps it as "Failed query: …"). */
  const refusal = (p: Promise<unknown>) =>
    p.then(
      () => 'accepted',
      (e: { cause?: { message?: string }; message?: string }) => e.cause?.message ?? e.message ?? String(e),
    );

  beforeAll(async () => {
    t = await startMigrationApp(driver);
    const users = await platformRows<{ email: string; id: number }>(t, sql`select email::text, id::int from users where email like '%@demo.test'`);
    for (const u of users) ids[u.email] = u.id;
    const [r] = await platformRows<{ reseller_id: number }>(t, sql`select reseller_id::int from clinics where id = 1001`);
    reseller = r!.reseller_id;
    const [o] = await platformRows<{ reseller_id: number }>(t, sql`select reseller_id::int from clinics where id = 2001`);
    otherReseller = o!.reseller_id;
    const reqs = await platformRows<{ id: number; clinic_id: number }>(t, sql`select id::int, clinic_id::int from migration.requests where clinic_id in (1001, 1002) order by id`);
    req1001 = reqs.find((x) => x.clinic_id === 1001)!.id;
    req1002 = reqs.find((x) => x.clinic_id === 1002)!.id;
    const version = async (clinicId: number, requestId: number) =>
      (await platformRows<{ id: number }>(t, sql`insert into migration.versions (reseller_id, clinic_id, request_id, number, state, created_at, expires_at, by_name)
         values (${reseller}, ${clinicId}, ${requestId}, 99, 'carregando', now(), now() + interval '15 days', 'Teste') returning id::int`))[0]!.id;
    v1001 = await version(1001, req1001);
    v1002 = await version(1002, req1002);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads a base’s rows only into its own version while it is being loaded', async () => {
    await stage(base(1001), v1001, 1001, req1001, 'pacientes', 1);
    await stage(base(1001), v1001, 1001, req1001, 'prontuarios', 2);
    await stage(base(1002), v1002, 1002, req1002, 'pacientes', 1);
    // Base 1001's scope cannot write into base 1002's version, nor claim it for its own base.
    expect(await refusal(stage(base(1001), v1002, 1002, req1002, 'pacientes', 7))).toMatch(/row-level security/);
    expect(await refusal(stage(base(1001), v1002, 1001, req1001, 'pacientes', 7))).toMatch(/row-level security/);
    expect(await refusal(stage(base(1001), v1002, 1001, req1002, 'pacientes', 7))).toMatch(/row-level security/);
    // A support agent inside the base never loads.
    expect(await refusal(stage(base(1001, ids['suporte@demo.test']), v1001, 1001, req1001, 'pacientes', 8))).toMatch(/row-level security/);
    expect(await lines({ kind: 'platform' })).toEqual(['v1001:pacientes:1', 'v1001:prontuarios:2', 'v1002:pacientes:1']);
  });

  it('shows each base only its own versions’ rows; the singular both; another singular none', async () => {
    expect(await lines(base(1001, ids['clinica@demo.test']))).toEqual(['v1001:pacientes:1', 'v1001:prontuarios:2']);
    expect(await lines(base(1002))).toEqual(['v1002:pacientes:1']);
    expect(await lines({ kind: 'reseller', resellerId: otherReseller })).toEqual([]);
    expect(await lines({ kind: 'none' })).toEqual([]);
    // The singular's admin: both bases, without the prontuário (EHR second wall).
    expect(await lines({ kind: 'reseller', resellerId: reseller, userId: ids['singular@demo.test']! })).toEqual(['v1001:pacientes:1', 'v1002:pacientes:1']);
  });

  it('keeps the EHR entities from support agents, singular and platform admins; the base’s users and the team read them', async () => {
    expect(await lines(base(1001, ids['suporte@demo.test']))).toEqual(['v1001:pacientes:1']);
    expect(await lines({ kind: 'platform', userId: ids['plataforma@demo.test']! })).toEqual(['v1001:pacientes:1', 'v1002:pacientes:1']);
    expect(await lines(base(1001, ids['medico@demo.test']))).toEqual(['v1001:pacientes:1', 'v1001:prontuarios:2']);
    expect(await lines({ kind: 'user', userId: ids['migracao@demo.test']! })).toEqual(['v1001:pacientes:1', 'v1001:prontuarios:2', 'v1002:pacientes:1']);
    expect(await lines({ kind: 'user', userId: ids['medico@demo.test']! })).toEqual([]);
  });

  it('refuses a forged scope: the settings cannot be set, nor entered without the signature', async () => {
    const forge = (query: ReturnType<typeof sql>) => run(base(1001), query);
    expect(await refusal(forge(sql`select set_config('app.clinic_id', '1002', true)`))).toMatch(/permission denied/);
    expect(await refusal(forge(sql`select app_enter_scope('clinic', '', ${String(reseller)}, '1002', '', 9999999999::bigint, 'forjada')`))).toMatch(/permission denied|assinatura/);
    // Naming the other base in the query changes nothing either.
    expect(await run(base(1001), sql`select count(*)::int as n from migration.staged_rows where clinic_id = 1002 or version_id = ${v1002}`)).toEqual([{ n: 0 }]);
  });

  it('never rewrites staged rows; only the platform deletes them', async () => {
    const updated = await run<{ n: number }>(base(1001, ids['clinica@demo.test']), sql`with u as (update migration.staged_rows set data = '{}'::jsonb returning 1) select count(*)::int as n from u`);
    expect(updated).toEqual([{ n: 0 }]);
    const deleted = await run<{ n: number }>(base(1001, ids['clinica@demo.test']), sql`with d as (delete from migration.staged_rows returning 1) select count(*)::int as n from d`);
    expect(deleted).toEqual([{ n: 0 }]);
    expect(await lines({ kind: 'platform' })).toHaveLength(3);
  });

  it('closes a version to loads once open, and hides an expired version’s rows from every scope', async () => {
    await platformRows(t, sql`update migration.versions set state = 'aberta' where id = ${v1001}`);
    expect(await refusal(stage(base(1001), v1001, 1001, req1001, 'pacientes', 3))).toMatch(/row-level security/);
    await platformRows(t, sql`update migration.versions set state = 'expirada' where id = ${v1002}`);
    expect(await lines(base(1002))).toEqual([]);
    expect(await lines({ kind: 'platform' })).toEqual(['v1001:pacientes:1', 'v1001:prontuarios:2']);
  });
});
