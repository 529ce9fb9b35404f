/**
 * The authorization matrix: EVERY route the app registers (core, the built-in modules, the support
 * and migration plugins: the app's route registry, `t.routes`) × every kind of actor
 * (authorization-matrix/actors.ts), each answered exactly as its reviewed row says.
 *
 * ADDING A ROUTE: add its row to the table of its package in tests/integration/authorization-matrix/
 * (core.ts, tenants.ts, content.ts, support.ts, migration.ts), keyed `METHOD /path` exactly as
 * registered (e.g. 'POST /p/migration/solicitacoes/:id{[0-9]+}/plano'):
 *   - `path(f)`: the URL to request, with ids from the fixture (objects of base A = 1001, Singular Demo;
 *     add a field to `Fixture` in actors.ts and fill it in fixture.ts when the route needs a new object);
 *   - `form` for a POST: empty or invalid where possible, so an allowed write answers its validation
 *     error and changes nothing (but where a handler validates before it looks the object up, send a
 *     valid form, or the row cannot tell a foreign object from a bad field);
 *   - `expect`: the outcome per actor, `outcomes(default, { actor: outcome })`.
 * A registered route without a row fails the first test, which names it; a row whose route is gone
 * fails too. Decide each outcome from the rules (README "What you can do", SPEC §3), not from what the
 * code answers today. An `ehr` route may answer `ok` only to clinical roles of the base.
 *
 * One app per driver; each actor has one session (core's session store, no login request), replaced
 * after every POST, and routes that change data get objects of their own per actor. The coverage
 * figure goes to data/test-reports/authorization-matrix.json. Then tampered ids in URLs and form
 * fields (another tenant's ids) must read and write nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, defineModule, loadPlugins, schema, sessionIdFromToken } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules, createTestApp, type RegisteredRoute, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { type ActorName, actors, clinicalActors, type Fixture, type Outcome, outcomes, type Row } from './authorization-matrix/actors.ts';
import { contentMatrix } from './authorization-matrix/content.ts';
import { coreMatrix } from './authorization-matrix/core.ts';
import { prepareFixtures, sessionOf } from './authorization-matrix/fixture.ts';
import { migrationMatrix } from './authorization-matrix/migration.ts';
import { supportMatrix } from './authorization-matrix/support.ts';
import { tenantsMatrix } from './authorization-matrix/tenants.ts';
import { count, createClinicUser, membershipCount, membershipsOf, userRow } from './tenants-users-helpers.ts';

const tables = { core: coreMatrix, tenants: tenantsMatrix, content: contentMatrix, support: supportMatrix, migration: migrationMatrix };

/** A test-only route of the `ehr` class (the product has none yet), so the prontuário rule is checked on a real route. */
const ehrProbe = defineModule({
  id: 'matrix-ehr-probe',
  routes(router) {
    router.get('/matriz/prontuario', { permission: 'clinic.work', dataClass: 'ehr', screen: 'Prontuário (matriz)' }, (c) => c.text('prontuário'));
  },
});
const probeRows: Record<string, Row> = {
  // Its permission (clinic.work) wants a base: actors without one are refused before the data class (403);
  // the others in a base get the prontuário page, but the médico.
  'GET /matriz/prontuario': { path: () => '/matriz/prontuario', expect: outcomes(403, { medico: 'ok', supportIn: 'ehr', gestorA: 'ehr', gestorB: 'ehr', staffA: 'ehr' }) },
};

const keyOf = (r: Pick<RegisteredRoute, 'method' | 'path'>) => `${r.method} ${r.path}`;

function rowsOf(): Record<string, Row> {
  const all: Record<string, Row> = { ...probeRows };
  for (const table of Object.values(tables)) {
    for (const [key, row] of Object.entries(table)) {
      if (all[key]) throw new Error(`${key} has a row in two tables of the authorization matrix`);
      all[key] = row;
    }
  }
  return all;
}
const matrix = rowsOf();

const formOf = (row: Row | undefined, f: Fixture) => (typeof row?.form === 'function' ? row.form(f) : (row?.form ?? {}));

async function classify(res: Response): Promise<Outcome | `status ${number}`> {
  if (res.status === 302 || res.status === 303) return (res.headers.get('location') ?? '').startsWith('/login') ? 'login' : 'ok';
  if (res.status === 403) return (await res.text()).includes('Prontuário indisponível para este acesso') ? 'ehr' : 403;
  if (res.status === 404) return 404;
  if (res.status >= 500) return `status ${res.status}`;
  return 'ok';
}

/** Coverage, summed over the drivers, written once the file is done. */
const coverage = { routes: 0, routesCovered: 0, actors: actors.length, checks: 0 };
const observed: Record<string, Record<string, string>> = {};

const reports = fileURLToPath(new URL('../../data/test-reports/', import.meta.url));
afterAll(() => {
  mkdirSync(reports, { recursive: true });
  writeFileSync(join(reports, 'authorization-matrix.json'), `${JSON.stringify(coverage, null, 2)}\n`);
  if (process.env.MATRIX_OBSERVED) writeFileSync(process.env.MATRIX_OBSERVED, JSON.stringify(observed, null, 1));
});

describe.each(testDrivers())('authorization matrix of every registered route on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let fixtures: Record<ActorName, Fixture>;
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db, { modules: [...(await appModules()), ehrProbe], plugins: await loadPlugins(['@painel/support', '@painel/migration']) });
    routes = t.routes;
    fixtures = await prepareFixtures(t);
  }, 300_000);
  afterAll(async () => {
    await t?.host.stop();
    await db?.close();
  });

  it('has a row for every registered route (and no stale rows); ehr routes are for clinical roles only', () => {
    const registered = routes.map(keyOf);
    const product = registered.filter((k) => !probeRows[k]);
    coverage.routes = product.length;
    coverage.routesCovered = product.filter((k) => matrix[k]).length;
    expect(product.length).toBeGreaterThan(130);
    expect(registered.filter((k) => !matrix[k]), 'registered routes without a row in tests/integration/authorization-matrix/').toEqual([]);
    expect(Object.keys(matrix).filter((k) => !registered.includes(k)), 'rows for routes that are not registered').toEqual([]);
    for (const r of routes.filter((x) => x.meta.dataClass === 'ehr')) {
      const allowed = actors.filter((a) => matrix[keyOf(r)]?.expect[a] === 'ok');
      expect(allowed, `${keyOf(r)} is an ehr route: only clinical roles of the base may be let in`).toEqual(allowed.filter((a) => clinicalActors.includes(a)));
    }
  });

  it.each(actors)('answers %s exactly as the matrix says', { timeout: 300_000 }, async (actor) => {
    const wrong: string[] = [];
    // One session per actor, replaced after each POST (which may end it, change its base or deactivate someone).
    let cookie: string | undefined;
    for (const route of routes) {
      const key = keyOf(route);
      const row = matrix[key];
      if (!row && !process.env.MATRIX_OBSERVED) continue;
      const path = row ? row.path(fixtures[actor]) : route.path.replace(/:[a-zA-Z]+(\{[^}]*\})?/g, '1');
      // supportB's first request finds the grant missing and takes the agent out of base B: a fresh session each time.
      if (actor === 'supportB') cookie = undefined;
      cookie ??= await sessionOf(t, actor);
      const res = await t.request(path, { cookie, method: route.method, form: route.method === 'POST' ? formOf(row, fixtures[actor]) : undefined });
      if (route.method !== 'GET') cookie = undefined;
      const got = await classify(res);
      (observed[key] ??= {})[`${actor}`] = String(got);
      if (!probeRows[key]) coverage.checks += 1;
      if (row && got !== row.expect[actor]) wrong.push(`${key} → ${got} (expected ${row.expect[actor]})`);
    }
    expect(wrong).toEqual([]);
  });

  it('a support agent inside A (grant) asking for base B: entering B is refused, B’s users are 404, the session stays in A', async () => {
    const cookie = (await sessionOf(t, 'supportIn'))!;
    const sessionId = sessionIdFromToken(cookie.split('=')[1]!);
    const enter = await t.request('/suporte/bases/entrar', { cookie, form: { base: '1002' } });
    expect(enter.status).toBe(303);
    expect(enter.headers.get('location')).toBe('/suporte/bases');
    const [session] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.sessions).where(eq(schema.sessions.id, sessionId)));
    expect(session?.activeClinicId).toBe(1001);
    const [denied] = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ n: number }>(tx, sql`select count(*)::int as n from audit_log where action = 'support.enter' and outcome = 'denied' and target = 'base:1002'`),
    );
    expect(denied!.n).toBeGreaterThan(0);
    const [ofB] = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ id: number }>(tx, sql`select u.id::int from users u join memberships m on m.user_id = u.id where m.clinic_id = 1002 and u.email = ${'gestor.b@matriz.test'}`),
    );
    expect((await t.request(`/usuarios/${ofB!.id}`, { cookie })).status).toBe(404);
    expect(await (await t.request('/usuarios?base=1002', { cookie })).text()).not.toContain('gestor.b@matriz.test');
  });

  it('a platform job (no tenant) is the platform’s only', async () => {
    const id = await t.services.jobs.for('matriz').enqueue('espera', {}, {});
    const expected = outcomes(404, { platform: 'ok', supportB: 403 });
    const wrong: string[] = [];
    for (const actor of actors) {
      for (const [method, path] of [['GET', `/tarefas/${id}`], ['POST', `/tarefas/${id}/cancelar`]] as const) {
        const got = await classify(await t.request(path, { cookie: await sessionOf(t, actor), method, headers: { 'hx-request': 'true' } }));
        if (got !== expected[actor]) wrong.push(`${actor} ${method} ${path} → ${got} (expected ${expected[actor]})`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
describe.each(testDrivers())('tampered ids on %s read and write nothing', (driver) => {
  let db: Database;
  let t: TestApp;
  let theirs: number;
  let ours: number;
  let onlyNorte: number;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    theirs = await createClinicUser(db, 'so.vizinha@matriz.test', 'Vítor Vizinho', [{ clinicId: 2001, role: 'gestor' }]);
    ours = await createClinicUser(db, 'so.demo@matriz.test', 'Olga Demo', [{ clinicId: 1001, role: 'secretaria' }]);
    onlyNorte = await createClinicUser(db, 'so.norte@matriz.test', 'Nilo Norte', [{ clinicId: 1002, role: 'secretaria' }]);
  });
  afterAll(async () => {
    await db.close();
  });

  const memberships = () => count(db, sql`select count(*) as n from memberships`);
  const users = () => count(db, sql`select count(*) as n from users`);

  it('a reseller admin cannot read or change another singular’s users, bases or audit rows', async () => {
    const cookie = await t.login('singular@demo.test');
    const [m0, u0] = [await memberships(), await users()];
    expect((await t.request(`/usuarios/${theirs}`, { cookie })).status).toBe(404);
    for (const action of ['desativar', 'reativar']) {
      expect((await t.request(`/usuarios/${theirs}/${action}`, { cookie, method: 'POST' })).status).toBe(404);
    }
    expect((await t.request(`/usuarios/${theirs}/vinculos/2001/perfil`, { cookie, form: { perfil: 'medico' } })).status).toBe(404);
    expect((await t.request(`/usuarios/${theirs}/vinculos/2001/remover`, { cookie, method: 'POST' })).status).toBe(404);
    expect((await t.request(`/usuarios/${theirs}/convite`, { cookie, form: { base: '2001' } })).status).toBe(404);
    expect((await userRow(db, 'so.vizinha@matriz.test'))?.status).toBe('active');
    // Own user, other singular's base in the form field.
    await t.request(`/usuarios/${ours}/vinculos`, { cookie, form: { base: '2001', perfil: 'gestor' } });
    expect(await membershipCount(db, ours, 2001)).toBe(0);
    expect((await t.request(`/usuarios/${ours}/vinculos/2001/perfil`, { cookie, form: { perfil: 'gestor' } })).status).toBe(404);
    const invite = await t.request('/usuarios/convidar', { cookie, form: { nome: 'Intrusa', email: 'intrusa@matriz.test', base: '2001', perfil: 'gestor' } });
    expect(invite.status).toBe(400);
    // Multi-clinic confirm with forged hidden fields.
    const forged = await t.request('/usuarios/multi-clinica/confirmar', {
      cookie,
      form: { email: 'so.demo@matriz.test', bases: ['2001', '2002'], esperado: ['2001', '2002'], perfil: 'gestor', ignorarRecusadas: '1' },
    });
    expect([400, 409]).toContain(forged.status);
    expect(await membershipsOf(db, 'so.demo@matriz.test')).toEqual([{ clinicId: 1001, role: 'secretaria' }]);
    // Switching into the other singular's base.
    expect((await t.request('/alterar-clinica', { cookie, form: { base: '2001' } })).status).toBe(404);
    const [session] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.sessions).where(eq(schema.sessions.id, sessionIdFromToken(cookie.split('=')[1]!))),
    );
    expect(session?.activeClinicId).toBeNull();
    // Lists filtered by the other singular's base show nothing of it.
    const list = await (await t.request('/usuarios?base=2001', { cookie })).text();
    expect(list).not.toContain('so.vizinha@matriz.test');
    const platform = await t.login('plataforma@demo.test');
    await t.request('/alterar-clinica', { cookie: platform, form: { base: '2001' } });
    expect(await count(db, sql`select count(*) as n from audit_log where clinic_id = 2001`)).toBeGreaterThan(0);
    const audit = await (await t.request('/auditoria?base=2001', { cookie })).text();
    expect(audit).not.toMatch(/data-testid="audit-row"/);
    const csv = await (await t.request('/auditoria/exportar.csv?base=2001', { cookie })).text();
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1);
    expect([await memberships(), await users()]).toEqual([m0, u0]);
  });

  it('a gestor cannot reach another base of the same singular through ids in URLs or forms', async () => {
    const cookie = await t.login('clinica@demo.test');
    const [m0, u0] = [await memberships(), await users()];
    expect((await t.request(`/usuarios/${onlyNorte}`, { cookie })).status).toBe(404);
    expect((await t.request(`/usuarios/${onlyNorte}/desativar`, { cookie, method: 'POST' })).status).toBe(404);
    expect((await t.request(`/usuarios/${onlyNorte}/vinculos/1002/perfil`, { cookie, form: { perfil: 'gestor' } })).status).toBe(404);
    expect((await t.request(`/usuarios/${ours}/vinculos`, { cookie, form: { base: '1002', perfil: 'gestor' } })).status).toBe(404);
    const invite = await t.request('/usuarios/convidar', { cookie, form: { nome: 'Intrusa', email: 'intrusa2@matriz.test', base: '1002', perfil: 'gestor' } });
    expect(invite.status).toBe(400);
    const picker = await (await t.request('/usuarios/bases?buscaBase=Cl%C3%ADnica&base=1002', { cookie })).text();
    expect(picker).not.toContain('1002');
    expect((await userRow(db, 'so.norte@matriz.test'))?.status).toBe('active');
    expect([await memberships(), await users()]).toEqual([m0, u0]);
  });
});
