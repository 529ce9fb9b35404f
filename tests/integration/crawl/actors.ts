/**
 * The actors of the crawl: every demo login (README), plus a secretária of base 1001 and a gestor of base
 * 2001 (Singular Vizinha), and clinic users who belong to one base only (1002, 1003, 2002) so that each
 * base has people of its own. Each actor's profile (visibility.ts) is read from the database: the user's
 * kind, memberships and — for the support agent — the bases with an active grant.
 */
import type { Database } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import type { TestApp } from '../../support/test-app.ts';
import { createClinicUser } from '../tenants-users-helpers.ts';
import type { Profile } from './visibility.ts';

export interface Actor {
  name: string;
  email: string | null;
  /** After the session is created (the support agent enters base 1001 through the demo grant). */
  enter?: (t: TestApp, cookie: string) => Promise<void>;
}

export const actors: Actor[] = [
  { name: 'anon', email: null },
  { name: 'platform', email: 'plataforma@demo.test' },
  { name: 'team', email: 'migracao@demo.test' },
  { name: 'resellerA', email: 'singular@demo.test' },
  { name: 'resellerB', email: 'vizinha@demo.test' },
  { name: 'gestorA', email: 'clinica@demo.test' },
  { name: 'medico', email: 'medico@demo.test' },
  { name: 'staffA', email: 'sec.a@crawl.test' },
  { name: 'gestorB', email: 'gestor.b@crawl.test' },
  { name: 'support', email: 'suporte@demo.test' },
  {
    name: 'supportIn',
    email: 'suporte@demo.test',
    enter: async (t, cookie) => {
      const res = await t.request('/suporte/bases/entrar', { cookie, form: { base: '1001' } });
      if (res.status !== 303) throw new Error(`support could not enter base 1001: ${res.status}`);
    },
  },
];

/**
 * The crawl's own data on a copy of the demo: the extra clinic users (same ids in every copy, created in
 * this order) and CNPJs of their own for bases 1001 and 2001 (the demo's 11.222.333/0001-81 is also the
 * example line the import page shows to everyone).
 */
export async function addCrawlData(db: Database): Promise<void> {
  await db.query(db.owner, sql`update clinics set cnpj = case id when 1001 then '73918426000100' else '52816397000198' end where id in (1001, 2001)`);
  await createClinicUser(db, 'sec.a@crawl.test', 'Sônia Secretária Centro', [{ clinicId: 1001, role: 'secretaria' }]);
  await createClinicUser(db, 'gestor.b@crawl.test', 'Gilberto Gestor Alfa', [{ clinicId: 2001, role: 'gestor' }]);
  await createClinicUser(db, 'nair.norte@crawl.test', 'Nair Recepção Norte', [{ clinicId: 1002, role: 'secretaria' }]);
  await createClinicUser(db, 'sara.sul@crawl.test', 'Sara Financeiro Sul', [{ clinicId: 1003, role: 'financeiro' }]);
  await createClinicUser(db, 'beto.beta@crawl.test', 'Bento Médico Beta', [{ clinicId: 2002, role: 'medico' }]);
}

export async function profileOf(db: Database, t: TestApp, actor: Actor): Promise<Profile> {
  if (!actor.email) return { kind: 'anon' };
  const [user] = await db.query<{ id: number; kind: string; reseller: number | null }>(
    db.owner,
    sql`select id::int as id, kind, reseller_id::int as reseller from users where email = ${actor.email}`,
  );
  if (!user) throw new Error(`no user ${actor.email}`);
  if (user.kind === 'platform_admin') return { kind: 'platform' };
  if (user.kind === 'migration_team') return { kind: 'team' };
  if (user.kind === 'reseller_admin') return { kind: 'reseller', reseller: user.reseller! };
  if (user.kind === 'support_agent') {
    const now = t.clock.now();
    const grants = await db.query<{ clinic: number }>(
      db.owner,
      sql`select clinic_id::int as clinic from support_access.grants where ended_at is null and ends_at > ${now.toISOString()}::timestamptz`,
    );
    return { kind: 'support', grants: new Set(grants.map((g) => g.clinic)) };
  }
  const memberships = await db.query<{ reseller: number; clinic: number }>(
    db.owner,
    sql`select reseller_id::int as reseller, clinic_id::int as clinic from memberships where user_id = ${user.id}`,
  );
  return { kind: 'member', clinics: new Set(memberships.map((m) => m.clinic)), resellers: new Set(memberships.map((m) => m.reseller)) };
}
