import { type Database, defineModule, type ModuleDefinition, schema, sessionIdFromToken } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { appModules, createTestApp, type TestApp } from '../support/test-app.ts';

/** A test-only module with one route of each data class inside a base, plus one that reads under RLS. */
export const dataClassProbe: ModuleDefinition = defineModule({
  id: 'support-access-probe',
  routes(router) {
    router.get('/teste-sa/geral', { permission: 'clinic.work', dataClass: 'general', screen: 'Tela geral de teste' }, (c) => c.text('geral'));
    router.get('/teste-sa/pessoal', { permission: 'clinic.work', dataClass: 'personal', screen: 'Tela pessoal de teste' }, (c) =>
      c.text('pessoal'),
    );
    router.get('/teste-sa/prontuario', { permission: 'clinic.work', dataClass: 'ehr', screen: 'Prontuário de teste' }, (c) =>
      c.text('prontuario'),
    );
    router.get('/teste-sa/clinicas', { permission: 'clinic.work', dataClass: 'general', screen: 'Clínicas visíveis' }, async (c) => {
      const rows = await c.get('tx')((tx) => tx.select({ id: schema.clinics.id }).from(schema.clinics));
      return c.text(
        rows
          .map((r) => r.id)
          .sort()
          .join(','),
      );
    });
  },
});

export const baseRoutes = ['/teste-sa/geral', '/teste-sa/pessoal', '/teste-sa/prontuario', '/teste-sa/clinicas', '/'];

/** Sessions that outlive the clock jumps of these tests (a grant lasts up to 7 days). */
const longSessions = { SESSION_IDLE_MINUTES: String(30 * 24 * 60), SESSION_ABSOLUTE_MINUTES: String(30 * 24 * 60) };

export async function probeApp(db: Database, options: Parameters<typeof createTestApp>[1] = {}): Promise<TestApp> {
  return createTestApp(db, { ...options, env: { ...longSessions, ...options.env }, modules: [...(await appModules()), dataClassProbe] });
}

export const sessionIdOf = (cookie: string): string => sessionIdFromToken(cookie.split('=')[1] ?? '');

export interface GrantDbRow {
  id: number;
  clinic_id: number;
  reseller_id: number;
  ends_at: Date;
  ended_at: Date | null;
  end_reason: string | null;
  first_used_at: Date | null;
}

/** Reads the module's tables as the platform (test assertions only). */
export async function platformRows<R>(db: Database, query: ReturnType<typeof sql>): Promise<R[]> {
  return db.scoped({ kind: 'platform' }, (tx) => db.query<R>(tx, query));
}

export async function grantsOf(db: Database, clinicId: number): Promise<GrantDbRow[]> {
  const rows = await platformRows<GrantDbRow & { ends_at: string | Date; ended_at: string | Date | null; first_used_at: string | Date | null }>(
    db,
    sql`select id, clinic_id, reseller_id, ends_at, ended_at, end_reason, first_used_at from support_access.grants where clinic_id = ${clinicId} order by id`,
  );
  const date = (v: string | Date | null) => (v === null ? null : new Date(v));
  return rows.map((r) => ({
    ...r,
    id: Number(r.id),
    clinic_id: Number(r.clinic_id),
    reseller_id: Number(r.reseller_id),
    ends_at: new Date(r.ends_at),
    ended_at: date(r.ended_at),
    first_used_at: date(r.first_used_at),
  }));
}

export async function eventKinds(db: Database, clinicId: number): Promise<string[]> {
  const rows = await platformRows<{ kind: string }>(
    db,
    sql`select kind from support_access.grant_events where clinic_id = ${clinicId} order by at, id`,
  );
  return rows.map((r) => r.kind);
}

export async function resellerOf(db: Database, clinicId: number): Promise<number> {
  const [row] = await platformRows<{ reseller_id: string | number }>(db, sql`select reseller_id from clinics where id = ${clinicId}`);
  return Number(row!.reseller_id);
}

/** A snapshot of everything the module stores, to prove that a refused request changed nothing. */
export async function snapshot(db: Database): Promise<string> {
  const rows = await platformRows(
    db,
    sql`select
      (select coalesce(json_agg(g order by g.id), '[]') from support_access.grants g) as grants,
      (select count(*)::int from support_access.grant_events) as events,
      (select coalesce(json_agg(r order by r.id), '[]') from support_access.access_requests r) as requests`,
  );
  return JSON.stringify(rows);
}

export const hour = 3_600_000;
