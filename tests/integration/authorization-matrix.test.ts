/**
 * Every route of the tenants module × every kind of actor: allowed, 403, 404 (another tenant's
 * resource, or a screen that does not exist for them) or sent to the login page. A route added to the
 * module without a row here fails the test. Then tampered ids in URLs and form fields (another tenant's
 * ids) must read and write nothing.
 */
import { type Database, loadPlugins, type ModuleDefinition, schema, sessionIdFromToken } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules, createTestApp, type RegisteredRoute, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { count, createClinicUser, invitationTokenIn, membershipCount, membershipsOf, userIdOf, userRow } from './tenants-users-helpers.ts';
import { migrationActors, migrationLogins, migrationMatrix } from './migration-matrix.ts';

type Outcome = 'ok' | 'login' | 403 | 404;
const actors = ['anon', 'staffA', 'gestorA', 'medico', 'staffB', 'resellerA', 'resellerB', 'support', 'platform'] as const;
type ActorName = (typeof actors)[number];

const logins: Record<Exclude<ActorName, 'anon'>, string> = {
  staffA: 'sec.a@matriz.test', // secretária in 1001 (Singular Demo)
  gestorA: 'clinica@demo.test', // gestor of 1001
  medico: 'medico@demo.test', // médico in 1001 and 1002
  staffB: 'sec.b@matriz.test', // secretária in 2001 (Singular Vizinha)
  resellerA: 'singular@demo.test', // admin of Singular Demo (owns 1001)
  resellerB: 'vizinha@demo.test', // admin of Singular Vizinha
  support: 'suporte@demo.test', // support agent, no grant
  platform: 'plataforma@demo.test', // platform admin, no base chosen
};

interface Fixture {
  /** Clinic users in base 1001, one per destructive route so routes do not depend on each other. */
  target: Record<'view' | 'add' | 'role' | 'remove' | 'off' | 'on' | 'reissue', number>;
  /** A live invitation link's token (public route). */
  token: string;
}

interface Row {
  path: (f: Fixture) => string;
  form?: Record<string, string | string[]>;
  expect: Record<ActorName, Outcome>;
}

/** Signed-in actors get `others` unless overridden; anonymous is sent to the login page. */
function outcomes(others: Outcome, overrides: Partial<Record<ActorName, Outcome>> = {}, anon: Outcome = 'login'): Record<ActorName, Outcome> {
  return Object.fromEntries(actors.map((a) => [a, a === 'anon' ? anon : (overrides[a] ?? others)])) as Record<ActorName, Outcome>;
}

const usersArea = (overrides: Partial<Record<ActorName, Outcome>> = {}) => outcomes(403, { gestorA: 'ok', resellerA: 'ok', resellerB: 'ok', ...overrides });
/** A user of base 1001: their gestor and their singular's admin only; the other singular gets 404. */
const userOfA = (overrides: Partial<Record<ActorName, Outcome>> = {}) => usersArea({ resellerB: 404, ...overrides });
const resellerAdmins = outcomes(403, { resellerA: 'ok', resellerB: 'ok' });
const anyAdmin = outcomes(403, { resellerA: 'ok', resellerB: 'ok', platform: 'ok' });
const baseOfA = outcomes(403, { resellerA: 'ok', resellerB: 404, platform: 'ok' });
const platformOnly = outcomes(403, { platform: 'ok' });
const switchers = outcomes(404, { medico: 'ok', resellerA: 'ok', resellerB: 'ok', platform: 'ok' });

const matrix: Record<string, Row> = {
  // Users and invitations
  'GET /usuarios': { path: () => '/usuarios', expect: usersArea() },
  'GET /usuarios/bases': { path: () => '/usuarios/bases?buscaBase=Demo', expect: usersArea() },
  'GET /usuarios/convidar': { path: () => '/usuarios/convidar', expect: usersArea() },
  'POST /usuarios/convidar': { path: () => '/usuarios/convidar', form: { nome: '' }, expect: usersArea() },
  'GET /usuarios/:id{[0-9]+}': { path: (f) => `/usuarios/${f.target.view}`, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/vinculos': {
    path: (f) => `/usuarios/${f.target.add}/vinculos`,
    form: { base: '1003', perfil: 'medico' },
    expect: userOfA({ gestorA: 404 }),
  },
  'POST /usuarios/:id{[0-9]+}/vinculos/:base{[0-9]+}/perfil': {
    path: (f) => `/usuarios/${f.target.role}/vinculos/1001/perfil`,
    form: { perfil: 'financeiro' },
    expect: userOfA(),
  },
  'POST /usuarios/:id{[0-9]+}/vinculos/:base{[0-9]+}/remover': { path: (f) => `/usuarios/${f.target.remove}/vinculos/1001/remover`, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/desativar': { path: (f) => `/usuarios/${f.target.off}/desativar`, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/reativar': { path: (f) => `/usuarios/${f.target.on}/reativar`, expect: userOfA() },
  'POST /usuarios/:id{[0-9]+}/convite': { path: (f) => `/usuarios/${f.target.reissue}/convite`, form: { base: '1001' }, expect: userOfA() },
  'GET /convite/:token': { path: (f) => `/convite/${f.token}`, expect: outcomes('ok', {}, 'ok') },
  'POST /convite/:token': { path: (f) => `/convite/${f.token}`, form: { senha: 'senha-forte-1', confirmacao: 'outra-coisa-2' }, expect: outcomes('ok', {}, 'ok') },
  // Administrators of a singular: the platform for any singular, a singular's admin for its own (the other's is 404)
  'GET /usuarios/administradores': { path: () => '/usuarios/administradores', expect: resellerAdmins },
  'GET /singulares/:code{[0-9]+}/administradores': { path: () => '/singulares/0101/administradores', expect: baseOfA },
  'POST /singulares/:code{[0-9]+}/administradores': { path: () => '/singulares/0101/administradores', form: { nome: '' }, expect: baseOfA },
  // Multi-clinic
  'GET /usuarios/multi-clinica': { path: () => '/usuarios/multi-clinica', expect: resellerAdmins },
  'POST /usuarios/multi-clinica/previa': { path: () => '/usuarios/multi-clinica/previa', form: { modo: 'texto', pedido: '' }, expect: resellerAdmins },
  'POST /usuarios/multi-clinica/confirmar': { path: () => '/usuarios/multi-clinica/confirmar', form: { email: '' }, expect: resellerAdmins },
  // Alterar Clínica (singulares' admins reach their own bases; the other singular's base is 404)
  'GET /alterar-clinica': { path: () => '/alterar-clinica', expect: switchers },
  'POST /alterar-clinica': { path: () => '/alterar-clinica', form: { base: '1002' }, expect: outcomes(404, { medico: 'ok', resellerA: 'ok', platform: 'ok' }) },
  'POST /alterar-clinica/sair': { path: () => '/alterar-clinica/sair', expect: outcomes(404, { resellerA: 'ok', resellerB: 'ok', platform: 'ok' }) },
  // Audit
  'GET /auditoria': { path: () => '/auditoria', expect: anyAdmin },
  'GET /auditoria/exportar.csv': { path: () => '/auditoria/exportar.csv?base=1001', expect: anyAdmin },
  // Singulares (platform) and bases clínicas (reseller.manage)
  'GET /singulares': { path: () => '/singulares', expect: platformOnly },
  'GET /singulares/nova': { path: () => '/singulares/nova', expect: platformOnly },
  'POST /singulares': { path: () => '/singulares', form: { nome: '' }, expect: platformOnly },
  'GET /singulares/:code{[0-9]+}': { path: () => '/singulares/0202', expect: platformOnly },
  'POST /singulares/:code{[0-9]+}': { path: () => '/singulares/0202', form: { nome: '' }, expect: platformOnly },
  'GET /singulares/:code{[0-9]+}/desativar': { path: () => '/singulares/0202/desativar', expect: platformOnly },
  'POST /singulares/:code{[0-9]+}/desativar': { path: () => '/singulares/0202/desativar', expect: platformOnly },
  'GET /singulares/:code{[0-9]+}/reativar': { path: () => '/singulares/0202/reativar', expect: platformOnly },
  'POST /singulares/:code{[0-9]+}/reativar': { path: () => '/singulares/0202/reativar', expect: platformOnly },
  'GET /bases': { path: () => '/bases', expect: anyAdmin },
  'GET /bases/nova': { path: () => '/bases/nova', expect: anyAdmin },
  'POST /bases': { path: () => '/bases', form: { nome: '' }, expect: anyAdmin },
  'GET /bases/importar': { path: () => '/bases/importar', expect: anyAdmin },
  'POST /bases/importar': { path: () => '/bases/importar', form: { singular: '' }, expect: anyAdmin },
  'POST /bases/importar/confirmar': { path: () => '/bases/importar/confirmar', form: { conteudo: '' }, expect: anyAdmin },
  'GET /bases/:id{[0-9]+}': { path: () => '/bases/1001', expect: baseOfA },
  'POST /bases/:id{[0-9]+}': { path: () => '/bases/1001', form: { nome: '' }, expect: baseOfA },
  'GET /bases/:id{[0-9]+}/desativar': { path: () => '/bases/1003/desativar', expect: baseOfA },
  'POST /bases/:id{[0-9]+}/desativar': { path: () => '/bases/1003/desativar', expect: baseOfA },
  'GET /bases/:id{[0-9]+}/reativar': { path: () => '/bases/1003/reativar', expect: baseOfA },
  'POST /bases/:id{[0-9]+}/reativar': { path: () => '/bases/1003/reativar', expect: baseOfA },
  // Core's backups screen (platform only)
  'GET /plataforma/backups': { path: () => '/plataforma/backups', expect: platformOnly },
  'GET /plataforma/backups/andamento': { path: () => '/plataforma/backups/andamento', expect: platformOnly },
  'POST /plataforma/backups': { path: () => '/plataforma/backups', expect: platformOnly },
};

/** Core's own routes that sit in this matrix besides the tenants module's. */
const coreRoutesInMatrix = (r: RegisteredRoute) => r.path.startsWith('/plataforma/backups');

const keyOf = (r: Pick<RegisteredRoute, 'method' | 'path'>) => `${r.method} ${r.path}`;

function classify(res: Response): Outcome | `status ${number}` {
  if (res.status === 302 || res.status === 303) return (res.headers.get('location') ?? '').startsWith('/login') ? 'login' : 'ok';
  if (res.status === 403) return 403;
  if (res.status === 404) return 404;
  if (res.status >= 500) return `status ${res.status}`;
  return 'ok';
}

/** The routes the tenants module registers (the app's registry, minus what exists without the module), and core's backups screen. */
async function tenantsRoutes(db: Database): Promise<RegisteredRoute[]> {
  const modules = await appModules();
  const tenants = modules.find((m: ModuleDefinition) => m.id === 'tenants')!;
  await createTestApp(db); // defines every module's permissions
  const coreOnly = (await createTestApp(db, { modules: [] })).routes;
  const without = new Set(coreOnly.map(keyOf));
  return [...(await createTestApp(db, { modules: [tenants] })).routes.filter((r) => !without.has(keyOf(r))), ...coreOnly.filter(coreRoutesInMatrix)];
}

/** Users, an invitation and the logins the matrix needs, in a fresh copy of the demo database. */
async function prepare(t: TestApp, db: Database): Promise<Fixture> {
  await createClinicUser(db, logins.staffA, 'Sônia Secretária A', [{ clinicId: 1001, role: 'secretaria' }]);
  await createClinicUser(db, logins.staffB, 'Bruna Secretária B', [{ clinicId: 2001, role: 'secretaria' }]);
  const target = {} as Fixture['target'];
  for (const name of ['view', 'add', 'role', 'remove', 'off', 'on'] as const) {
    target[name] = await createClinicUser(db, `alvo.${name}@matriz.test`, `Alvo ${name}`, [{ clinicId: 1001, role: 'secretaria' }]);
  }
  await db.scoped({ kind: 'platform' }, (tx) => tx.update(schema.users).set({ status: 'inactive' }).where(eq(schema.users.id, target.on)));
  const admin = await t.login('singular@demo.test');
  const invite = async (email: string) =>
    (await t.request('/usuarios/convidar', { cookie: admin, form: { nome: 'Pessoa Convidada', email, base: '1001', perfil: 'medico' } })).text();
  const token = invitationTokenIn(await invite('convidado.link@matriz.test'));
  await invite('convidado.reenvio@matriz.test');
  target.reissue = await userIdOf(db, 'convidado.reenvio@matriz.test');
  if (!token) throw new Error('no invitation token');
  return { target, token };
}

describe.each(testDrivers())('authorization matrix of the tenants module on %s', (driver) => {
  let routes: RegisteredRoute[];

  beforeAll(async () => {
    const db = await openTestDatabase(driver);
    routes = await tenantsRoutes(db);
    await db.close();
  });

  it('has a row for every route the tenants module registers (and no stale rows)', () => {
    const registered = routes.map(keyOf);
    expect(registered.length).toBeGreaterThan(20);
    expect(registered.filter((k) => !matrix[k]), 'routes without a row in the matrix').toEqual([]);
    expect(Object.keys(matrix).filter((k) => !registered.includes(k)), 'rows for routes that no longer exist').toEqual([]);
  });

  it.each(actors)('answers %s exactly as the matrix says', { timeout: 120_000 }, async (actor) => {
    const db = await openTestDatabase(driver);
    try {
      const t = await createTestApp(db);
      const fixture = await prepare(t, db);
      const cookie = actor === 'anon' ? undefined : await t.login(logins[actor]);
      const wrong: string[] = [];
      for (const route of routes) {
        const row = matrix[keyOf(route)];
        if (!row) continue;
        const res = await t.request(row.path(fixture), { cookie, method: route.method, form: route.method === 'POST' ? (row.form ?? {}) : undefined });
        const got = classify(res);
        if (got !== row.expect[actor]) wrong.push(`${keyOf(route)} → ${got} (expected ${row.expect[actor]})`);
      }
      expect(wrong).toEqual([]);
    } finally {
      await db.close();
    }
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

describe.each(testDrivers())('authorization matrix of the migration plugin on %s', (driver) => {
  const migrationRoutes = (t: TestApp) => t.routes.filter((r) => r.path.startsWith('/p/migration'));

  it('has a row for every route the plugin registers, each with a permission and a data class', async () => {
    const db = await openTestDatabase(driver);
    try {
      const t = await createTestApp(db, { plugins: await loadPlugins(['@painel/migration']), start: false });
      const registered = migrationRoutes(t);
      expect(registered.length).toBeGreaterThanOrEqual(14);
      expect(registered.filter((r) => !migrationMatrix[keyOf(r)]).map(keyOf), 'routes without a row in the matrix').toEqual([]);
      expect(Object.keys(migrationMatrix).filter((k) => !registered.some((r) => keyOf(r) === k)), 'stale rows').toEqual([]);
      for (const r of registered) {
        expect(r.meta.permission, keyOf(r)).toMatch(/^migration[:.]/);
        // EHR: only the homologation screens of prontuários, documentos gerados and imagens, and the mirror test of their samples.
        const ehrScreen = r.path.startsWith('/p/migration/homologacao/') || r.path.includes('/relatorio/prontuario');
        expect(ehrScreen ? ['personal', 'ehr'] : ['general', 'personal'], keyOf(r)).toContain(r.meta.dataClass);
      }
    } finally {
      await db.close();
    }
  });

  it.each(migrationActors)('answers %s exactly as the matrix says', { timeout: 120_000 }, async (actor) => {
    const db = await openTestDatabase(driver);
    try {
      const t = await createTestApp(db, { plugins: await loadPlugins(['@painel/migration']) });
      const [request] = await db.scoped({ kind: 'platform' }, (tx) =>
        db.query<{ id: number }>(tx, sql`select id::int as id from migration.requests where clinic_id = 1001 and state not in ('encerrada', 'cancelada') limit 1`),
      );
      const [system] = await db.scoped({ kind: 'platform' }, (tx) => db.query<{ id: number }>(tx, sql`select id::int as id from migration.legacy_systems limit 1`));
      const fixture = { requestId: request!.id, systemId: system!.id };
      const cookie = actor === 'anon' ? undefined : await t.session(migrationLogins[actor]);
      if (actor === 'supportIn') expect((await t.request('/suporte/bases/entrar', { cookie, form: { base: '1001' } })).status).toBe(303);
      const before = await db.scoped({ kind: 'platform' }, (tx) => db.query<{ state: string }>(tx, sql`select state from migration.requests where id = ${fixture.requestId}`));
      const wrong: string[] = [];
      for (const route of migrationRoutes(t)) {
        const row = migrationMatrix[keyOf(route)];
        if (!row) continue;
        const res = await t.request(row.path(fixture), { cookie, method: route.method, form: route.method === 'POST' ? (row.form ?? {}) : undefined });
        const got = classify(res);
        if (got !== row.expect[actor]) wrong.push(`${keyOf(route)} → ${got} (expected ${row.expect[actor]})`);
      }
      expect(wrong).toEqual([]);
      const after = await db.scoped({ kind: 'platform' }, (tx) => db.query<{ state: string }>(tx, sql`select state from migration.requests where id = ${fixture.requestId}`));
      expect(after).toEqual(before);
      await t.host.stop();
    } finally {
      await db.close();
    }
  });
});

/**
 * Core's job-progress routes (core/src/jobs/job-routes.tsx) × every kind of actor, for a job of base
 * 1001 (Singular Demo) enqueued by its gestor, and for a platform job (no tenant).
 */
describe.each(testDrivers())('authorization matrix of the job progress routes on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let fixture: Fixture;

  type JobRow = { path: (job: string) => string; method: 'GET' | 'POST'; platformJob?: boolean; expect: Record<ActorName, Outcome> };
  const tenantJob = outcomes(404, { gestorA: 'ok', staffA: 'ok', medico: 'ok', resellerA: 'ok', platform: 'ok' });
  const jobMatrix: Record<string, JobRow> = {
    'GET /tarefas/:id': { method: 'GET', path: (id) => `/tarefas/${id}`, expect: tenantJob },
    'POST /tarefas/:id/cancelar': {
      method: 'POST',
      path: (id) => `/tarefas/${id}/cancelar`,
      expect: outcomes(404, { gestorA: 'ok', staffA: 403, medico: 403, resellerA: 'ok', platform: 'ok' }),
    },
    'GET /tarefas/:id (platform job)': { method: 'GET', platformJob: true, path: (id) => `/tarefas/${id}`, expect: outcomes(404, { platform: 'ok' }) },
    'POST /tarefas/:id/cancelar (platform job)': {
      method: 'POST',
      platformJob: true,
      path: (id) => `/tarefas/${id}/cancelar`,
      expect: outcomes(404, { platform: 'ok' }),
    },
  };

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    fixture = await prepare(t, db);
    t.services.jobs.for('matriz').define('espera', async () => {});
  });
  afterAll(async () => {
    await db.close();
  });

  it('has a row for every job route core registers', () => {
    const registered = t.routes.filter((r) => r.path.startsWith('/tarefas/')).map(keyOf);
    expect(registered.sort()).toEqual(['GET /tarefas/:id', 'POST /tarefas/:id/cancelar']);
    for (const key of registered) expect(jobMatrix[key]).toBeDefined();
    expect(t.routes.filter((r) => r.path.startsWith('/tarefas/')).map((r) => [r.meta.permission, r.meta.dataClass])).toEqual([
      ['jobs.view', 'general'],
      ['jobs.cancel', 'general'],
    ]);
  });

  it.each(actors)('answers %s exactly as the matrix says', async (actor) => {
    void fixture;
    const gestor = await userIdOf(db, logins.gestorA);
    const clinic = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select({ resellerId: schema.clinics.resellerId }).from(schema.clinics).where(eq(schema.clinics.id, 1001)),
    );
    const cookie = actor === 'anon' ? undefined : await t.session(logins[actor]);
    const wrong: string[] = [];
    for (const [key, row] of Object.entries(jobMatrix)) {
      const id = await t.services.jobs
        .for('matriz')
        .enqueue('espera', {}, row.platformJob ? {} : { resellerId: clinic[0]!.resellerId, clinicId: 1001, userId: gestor });
      const res = await t.request(row.path(id), { cookie, method: row.method, headers: { 'hx-request': 'true' } });
      const got = classify(res);
      if (got !== row.expect[actor]) wrong.push(`${key} → ${got} (expected ${row.expect[actor]})`);
    }
    expect(wrong).toEqual([]);
  });
});
