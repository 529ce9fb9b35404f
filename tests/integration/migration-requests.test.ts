/**
 * The migration plugin's request: the form (pt-BR errors, nothing written on bad input), who sees a
 * request (the gestor, its singular's admins, the migration team, support inside the base with a grant
 * reading only) and who does not (the other singular, a médico of the base), both by the screens and
 * by row-level security.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, requestIdOf, startMigrationApp, validForm } from './migration-harness.ts';

/** The plugin's migrations, as its journal lists them: each must be applied once. */
const migrationJournalEntries = (): number =>
  (JSON.parse(readFileSync(new URL('../../plugins/migration/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: unknown[] }).entries.length;

describe.each(testDrivers())('migration requests on %s', (driver) => {
  let t: MigrationTestApp;
  let gestor: string;
  let id: number;

  beforeAll(async () => {
    t = await startMigrationApp(driver);
    expect(t.host.get('migration')?.health).toEqual(expect.objectContaining({ state: 'started' }));
    gestor = await t.session('clinica@demo.test');
  });
  afterAll(async () => {
    await t.close();
  });

  const count = async () => Number((await platformRows<{ n: string }>(t, sql`select count(*)::int as n from migration.requests`))[0]!.n);

  it('refuses an incomplete form with pt-BR errors per field and writes nothing', async () => {
    const before = await count();
    const res = await t.request('/p/migration/solicitacoes', {
      cookie: gestor,
      form: validForm({ sistemaOutro: '', contatoTelefone: '123', analistaEmail: 'não-é-email', formatos: [], entidades: [], dataDisponivel: '31/02/2026', horaFim: '07:00' }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    for (const message of [
      'Informe o nome do sistema legado que não está na lista.',
      'Informe o telefone do contato da clínica com DDD',
      'Informe um e-mail válido do analista da singular.',
      'Marque ao menos um formato',
      'Marque ao menos uma informação a migrar.',
      'Informe a data disponível para a extração (dd/mm/aaaa).',
    ]) {
      expect(html).toContain(message);
    }
    expect(html).toContain('value="Carla Gestora"'); // what was typed is shown back
    expect(await count()).toBe(before);
    const past = await t.request('/p/migration/solicitacoes', { cookie: gestor, form: validForm({ dataDisponivel: '01/03/2026' }) });
    expect(past.status).toBe(422);
    expect(await past.text()).toContain('não pode estar no passado');
    expect(await count()).toBe(before);
  });

  it('opens a request for the active base with no title to write: base name and id come from the base, deadline 1 business day', async () => {
    const form = await (await t.request('/p/migration/solicitacoes/nova', { cookie: gestor })).text();
    expect(form).toContain('Clínica Demo Centro');
    expect(form).toContain('Código do convênio no sistema legado'); // minimum fields beside each entity
    expect(form).toContain('iClinic'); // the team's catalogue
    const res = await t.request('/p/migration/solicitacoes', { cookie: gestor, form: validForm() });
    id = requestIdOf(res);
    const [row] = await platformRows<Record<string, unknown>>(t, sql`select *, clinic_id::text as clinic_id from migration.requests where id = ${id}`);
    expect(row).toMatchObject({ clinic_id: '1001', clinic_name: 'Clínica Demo Centro', state: 'solicitada', legacy_system_name: 'Sistema Antigo XPTO', due_side: 'equipe' });
    // Monday 02/03/2026 09:00 in São Paulo + 1 business day → end of Tuesday 03/03.
    expect(new Date(row!.due_at as string).toISOString()).toBe('2026-03-04T02:59:59.999Z');
    expect(row!.clinic_contact).toMatchObject({ phone: '49999700252', email: 'carla@clinica.test' });
    const page = await (await t.request(`/p/migration/solicitacoes/${id}`, { cookie: gestor })).text();
    expect(page).toContain('Equipe de migração');
    expect(page).toContain('03/03/2026 23:59');
    const audit = await platformRows<{ action: string }>(t, sql`select action from audit_log where action = 'migration.request.opened'`);
    expect(audit.length).toBeGreaterThan(0);
    const bell = await platformRows<{ n: string }>(
      t,
      sql`select count(*) as n from notifications n join users u on u.id = n.user_id where u.email = 'migracao@demo.test' and n.link = ${`/p/migration/solicitacoes/${id}`}`,
    );
    expect(Number(bell[0]!.n)).toBe(1);
  });

  it('shows the request to its singular’s admin and the migration team, and to nobody of the other singular', async () => {
    const team = await t.session('migracao@demo.test');
    const admin = await t.session('singular@demo.test');
    const vizinha = await t.session('vizinha@demo.test');
    for (const cookie of [team, admin]) {
      expect((await t.request(`/p/migration/solicitacoes/${id}`, { cookie })).status).toBe(200);
      expect(await (await t.request('/p/migration/solicitacoes', { cookie })).text()).toContain(`data-request="${id}"`);
    }
    expect((await t.request(`/p/migration/solicitacoes/${id}`, { cookie: vizinha })).status).toBe(404);
    const theirs = await (await t.request('/p/migration/solicitacoes?ver=todas', { cookie: vizinha })).text();
    expect(theirs).not.toContain('Clínica Demo');
    expect(theirs).toContain('data-request='); // their own demo requests
    for (const path of ['acoes/cancelar', 'mensagens', 'checagem', 'plano']) {
      expect((await t.request(`/p/migration/solicitacoes/${id}/${path}`, { cookie: vizinha, form: { nota: 'intrusa', mensagem: 'oi' } })).status).toBe(404);
    }
    const [row] = await platformRows<{ state: string }>(t, sql`select state from migration.requests where id = ${id}`);
    expect(row!.state).toBe('solicitada');
  });

  it('lets a médico of the base see nothing, and a support agent inside the base with a grant read only', async () => {
    const medico = await t.session('medico@demo.test');
    await t.request('/alterar-clinica', { cookie: medico, form: { base: '1001' } });
    expect((await t.request(`/p/migration/solicitacoes/${id}`, { cookie: medico })).status).toBe(404);
    expect((await t.request('/p/migration/solicitacoes', { cookie: medico })).status).toBe(403);

    const agent = await t.login('suporte@demo.test');
    expect((await t.request(`/p/migration/solicitacoes/${id}`, { cookie: agent })).status).toBe(404); // outside the base
    expect((await t.request('/suporte/bases/entrar', { cookie: agent, form: { base: '1001' } })).status).toBe(303);
    const res = await t.request(`/p/migration/solicitacoes/${id}`, { cookie: agent });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('somente para leitura');
    expect(html).not.toContain('/acoes/');
    expect((await t.request(`/p/migration/solicitacoes/${id}/mensagens`, { cookie: agent, form: { mensagem: 'oi' } })).status).toBe(403);
    expect((await t.request(`/p/migration/solicitacoes/${id}/acoes/cancelar`, { cookie: agent, form: { nota: 'não pode' } })).status).toBe(403);
    expect((await t.request('/p/migration/solicitacoes/nova', { cookie: agent })).status).toBe(403);
  });
});

describe.each(testDrivers())('row-level security of the migration tables on %s', (driver) => {
  it('gives each scope only its rows: the other singular none, another base none, the team all, nobody without a scope', async () => {
    const t = await startMigrationApp(driver);
    try {
      expect(t.host.get('migration')?.health).toEqual(expect.objectContaining({ state: 'started' }));
      const ids = await platformRows<{ reseller_id: string; clinic_id: string }>(t, sql`select reseller_id::text as reseller_id, clinic_id::text as clinic_id from migration.requests`);
      const demo = Number(ids.find((r) => r.clinic_id === '1001')!.reseller_id);
      const vizinha = Number(ids.find((r) => r.clinic_id === '2001')!.reseller_id);
      const [team] = await platformRows<{ id: string }>(t, sql`select id::text as id from users where email = 'migracao@demo.test'`);
      const [support] = await platformRows<{ id: string }>(t, sql`select id::text as id from users where email = 'suporte@demo.test'`);
      const seen = (scope: Parameters<typeof t.db.scoped>[0]) =>
        t.db.scoped(scope, async (tx) => (await t.db.query<{ reseller_id: string; clinic_id: string }>(tx, sql`select reseller_id, clinic_id from migration.requests`)).map((r) => Number(r.clinic_id)));
      const all = ids.map((r) => Number(r.clinic_id));
      expect((await seen({ kind: 'reseller', resellerId: vizinha })).every((c) => c >= 2000)).toBe(true);
      expect((await seen({ kind: 'reseller', resellerId: vizinha })).length).toBe(all.filter((c) => c >= 2000).length);
      expect(await seen({ kind: 'clinic', resellerId: demo, clinicId: 1002 })).toEqual(all.filter((c) => c === 1002));
      expect((await seen({ kind: 'user', userId: Number(team!.id) })).sort()).toEqual([...all].sort());
      expect(await seen({ kind: 'user', userId: Number(support!.id) })).toEqual([]);
      expect(await seen({ kind: 'none' })).toEqual([]);
      // A support agent in a granted base reads but cannot write, even with SQL.
      const write = t.db.scoped({ kind: 'clinic', resellerId: demo, clinicId: 1001, userId: Number(support!.id) }, (tx) =>
        t.db.query(tx, sql`update migration.requests set legacy_version = 'x' where clinic_id = 1001 returning id`),
      );
      expect(await write).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('a fresh database', () => {
  it('applies the plugin migrations into its own schema and migrations table', async () => {
    const db = await openTestDatabase('pglite');
    try {
      const t = await startMigrationApp('pglite');
      const tables = await platformRows<{ table_name: string }>(t, sql`select table_name from information_schema.tables where table_schema = 'migration' order by 1`);
      expect(tables.map((r) => r.table_name)).toEqual(['attachments', 'backups', 'events', 'legacy_systems', 'mapping_templates', 'messages', 'mirror_reviews', 'packages', 'request_files', 'requests', 'staged_rows', 'version_rejects', 'versions']);
      const unforced = await platformRows<{ table: string }>(
        t,
        sql`select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = 'migration' and c.relkind = 'r' and not (c.relrowsecurity and c.relforcerowsecurity)`,
      );
      expect(unforced, 'every table of the plugin has row-level security enabled and forced').toEqual([]);
      const applied = await t.db.owner.execute(sql`select hash from drizzle.__migrations_migration`);
      expect(((applied as unknown as { rows?: unknown[] }).rows ?? (applied as unknown as unknown[])).length).toBe(migrationJournalEntries());
      await t.close();
    } finally {
      await db.close();
    }
  });
});
