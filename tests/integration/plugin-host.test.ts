import { type Database, schema, sessionIdFromToken } from '@painel/core/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { probe } from '../fixture-plugin/src/probe.ts';
import { eventLog, jobTicks, notes } from '../fixture-plugin/src/schema.ts';
import { createPluginTestApp, type PluginTestApp } from '../fixture-plugin/harness.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const home = '/p/fixture-plugin';

async function resellerIdOf(db: Database, code: string): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) =>
    tx.select({ id: schema.resellers.id }).from(schema.resellers).where(eq(schema.resellers.code, code)),
  );
  return row!.id;
}

describe.each(testDrivers())('plugin host with the fixture plugin on %s', (driver) => {
  let db: Database;
  let t: PluginTestApp;
  let demo: number;
  let vizinha: number;
  let gestor: string;
  let platform: string;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createPluginTestApp(db, [fixturePlugin]);
    demo = await resellerIdOf(db, '0101');
    vizinha = await resellerIdOf(db, '0202');
    gestor = await t.login('clinica@demo.test');
    platform = await t.login('plataforma@demo.test');
  });
  afterAll(async () => {
    await t?.host.stop();
    await db?.close();
  });

  const toggle = (resellerId: number, enabled: boolean, extra: { htmx?: boolean; cookie?: string } = {}) =>
    t.request(`/plataforma/plugins/fixture-plugin/singulares/${resellerId}`, {
      cookie: extra.cookie ?? platform,
      form: { enabled: String(enabled), voltar: '/plataforma/plugins/fixture-plugin?q=Demo' },
      ...(extra.htmx ? { headers: { 'hx-request': 'true' } } : {}),
    });

  it('runs its migrations into its own schema and its own migrations table, and grants the app role', async () => {
    const rows = await db.query<{ table_name: string }>(
      db.owner,
      sql`select table_name from information_schema.tables where table_schema = 'fixture_plugin' order by table_name`,
    );
    expect(rows.map((r) => r.table_name)).toEqual(['event_log', 'job_steps', 'job_ticks', 'notes', 'staged_rows']);
    const applied = await db.query<{ n: number }>(db.owner, sql`select count(*)::int as n from drizzle.__migrations_fixture_plugin`);
    expect(applied[0]?.n).toBe(4);
    const core = await db.query<{ n: number }>(db.owner, sql`select count(*)::int as n from drizzle.__migrations_core`);
    expect(core[0]?.n).toBeGreaterThanOrEqual(5);
    // painel_app reaches the plugin's tables, and row-level security is forced on them.
    const none = await db.scoped({ kind: 'none' }, (tx) => tx.select().from(notes));
    expect(none).toEqual([]);
    const forced = await db.query<{ n: number }>(
      db.owner,
      sql`select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'fixture_plugin' and c.relkind = 'r' and c.relforcerowsecurity`,
    );
    expect(forced[0]?.n).toBe(5);
  });

  it('ran start() once and sealed the registrar after register()', () => {
    expect(probe.starts).toBeGreaterThanOrEqual(1);
    expect(t.host.get('fixture-plugin')?.health.state).toBe('started');
    const registrar = probe.registrar as { nav(entry: unknown): void; routes(fn: unknown): void };
    expect(() => registrar.nav({ label: 'Tarde demais', path: '/x', permission: 'authenticated', section: 'main' })).toThrow(
      /depois de register\(\)/,
    );
    expect(() => registrar.routes(() => {})).toThrow(/depois de register\(\)/);
  });

  it('sends an anonymous visitor of a plugin page to the login page', async () => {
    const res = await t.request(home);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent(home)}`);
    const post = await t.request(`${home}/notas`, { form: { body: 'x' } });
    expect(post.status).toBe(303);
    expect(post.headers.get('location')).toBe('/login');
  });

  it('shows its nav entry and page to the clinic, with default settings, and saves a note with an audit entry', async () => {
    const start = await (await t.request('/', { cookie: gestor })).text();
    expect(start).toContain(`href="${home}"`);
    expect(start).toContain('Notas (fixture)');
    const page = await t.request(home, { cookie: gestor });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Notas rápidas da sua base');
    const saved = await t.request(`${home}/notas`, { cookie: gestor, form: { body: 'Conferir agenda de segunda' } });
    expect(saved.status).toBe(303);
    const after = await (await t.request(home, { cookie: gestor })).text();
    expect(after).toContain('Conferir agenda de segunda');
    expect(after).toContain('Nota salva.');
    const audit = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'fixture-plugin.note.created')),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ plugin: 'fixture-plugin' });
  });

  it('refuses the wrong actor: 403 by policy, 403 for EHR, 404 for another base’s note', async () => {
    const noBase = await t.request(home, { cookie: platform });
    expect(noBase.status).toBe(403);
    expect(await noBase.text()).toContain('Escolha uma base clínica');
    const platformOnly = await t.request(`${home}/resumo`, { cookie: gestor });
    expect(platformOnly.status).toBe(403);
    expect((await t.request(`${home}/resumo`, { cookie: platform })).status).toBe(200);
    const medico = await t.login('medico@demo.test');
    const write = await t.request(`${home}/notas`, { cookie: medico, form: { body: 'sem permissão' } });
    expect(write.status).toBe(403);
    const ehr = await t.request(`${home}/prontuario`, { cookie: gestor });
    expect(ehr.status).toBe(403);
    expect(await ehr.text()).toContain('Prontuário indisponível');
    const [note] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(notes));
    expect((await t.request(`${home}/notas/${note!.id}`, { cookie: gestor })).status).toBe(200);
    // The médico works in 1001 and 1002; in 1002 the note of 1001 does not exist for him.
    await t.services.sessions.update(sessionIdFromToken(medico.split('=')[1]!), { activeClinicId: 1002 });
    const other = await t.request(`${home}/notas/${note!.id}`, { cookie: medico });
    expect(other.status).toBe(404);
    expect(await other.text()).toContain('Página não encontrada');
  });

  it('answers core’s pt-BR 404 for unknown paths inside the plugin', async () => {
    const res = await t.request(`${home}/nao-existe`, { cookie: gestor });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('Página não encontrada');
    expect(html).toContain('lang="pt-BR"');
    expect((await t.request('/p/outro-plugin', { cookie: gestor })).status).toBe(404);
  });

  it('lets the platform turn the plugin off for one reseller: nav gone, 404, data kept; on again brings it back', async () => {
    const off = await toggle(demo, false);
    expect(off.status).toBe(303);
    expect(off.headers.get('location')).toBe('/plataforma/plugins/fixture-plugin?q=Demo');
    const flash = await (await t.request('/plataforma/plugins/fixture-plugin', { cookie: platform })).text();
    expect(flash).toContain('desligado para Singular Demo');

    const start = await (await t.request('/', { cookie: gestor })).text();
    expect(start).not.toContain('Notas (fixture)');
    const gone = await t.request(home, { cookie: gestor });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('Página não encontrada');
    const kept = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(notes).where(eq(notes.resellerId, demo)));
    expect(kept.length).toBeGreaterThan(0);

    const row = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.resellerPlugins).where(eq(schema.resellerPlugins.resellerId, vizinha)),
    );
    expect(row).toEqual([]); // the other reseller keeps the default (on)

    const on = await toggle(demo, true, { htmx: true });
    expect(on.status).toBe(200);
    const fragment = await on.text();
    expect(fragment.startsWith('<tr')).toBe(true);
    expect(fragment).toContain('Ligado');
    expect((await t.request(home, { cookie: gestor })).status).toBe(200);
    expect(await (await t.request('/', { cookie: gestor })).text()).toContain('Notas (fixture)');

    const audit = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select({ action: schema.auditLog.action }).from(schema.auditLog).where(sql`${schema.auditLog.action} in ('plugin.disabled', 'plugin.enabled')`),
    );
    expect(audit.map((a) => a.action)).toEqual(['plugin.disabled', 'plugin.enabled']);
  });

  it('refuses the toggle to anyone but the platform, and a bad value changes nothing', async () => {
    const reseller = await t.login('singular@demo.test');
    expect((await toggle(demo, false, { cookie: reseller })).status).toBe(403);
    const bad = await t.request(`/plataforma/plugins/fixture-plugin/singulares/${demo}`, { cookie: platform, form: { enabled: 'talvez' } });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Nada foi alterado');
    expect((await toggle(999_999, false)).status).toBe(404);
    expect((await t.request('/plataforma/plugins/nao-instalado', { cookie: platform })).status).toBe(404);
    // Defence in depth: the database refuses `enabled` changes outside the platform and the singular's own
    // scope (a singular switches its own plugins on /modulos): not from a clinic scope, not for another singular.
    const switchOff = (scope: Parameters<typeof db.scoped>[0], resellerId: number) =>
      db.scoped(scope, (tx) =>
        tx.insert(schema.resellerPlugins).values({ resellerId, pluginId: 'fixture-plugin', enabled: false, updatedAt: new Date() })
          .onConflictDoUpdate({ target: [schema.resellerPlugins.resellerId, schema.resellerPlugins.pluginId], set: { enabled: false } }),
      );
    await expect(switchOff({ kind: 'clinic', resellerId: demo, clinicId: 1001 }, demo)).rejects.toThrow();
    await expect(switchOff({ kind: 'reseller', resellerId: vizinha }, demo)).rejects.toThrow();
    const ctx = t.host.get('fixture-plugin')!.context;
    expect(await ctx.isEnabled(demo)).toBe(true);
  });

  it('keeps per-reseller settings validated, with defaults, in core’s table', async () => {
    const ctx = t.host.get('fixture-plugin')!.context;
    expect(await ctx.settings(vizinha)).toEqual({ greeting: 'Notas rápidas da sua base', maxNotes: 100 });
    await expect(
      db.scoped({ kind: 'reseller', resellerId: demo }, (tx) => ctx.saveSettings(tx, demo, { greeting: '' })),
    ).rejects.toThrow();
    await db.scoped({ kind: 'reseller', resellerId: demo }, (tx) => ctx.saveSettings(tx, demo, { greeting: 'Bom dia, Demo!' }));
    expect(await ctx.settings(demo)).toEqual({ greeting: 'Bom dia, Demo!', maxNotes: 100 });
    expect(await ctx.settings(vizinha)).toEqual({ greeting: 'Notas rápidas da sua base', maxNotes: 100 });
    expect(await (await t.request(home, { cookie: gestor })).text()).toContain('Bom dia, Demo!');
    // A reseller cannot write another reseller's settings (row-level security).
    await expect(
      db.scoped({ kind: 'reseller', resellerId: demo }, (tx) => ctx.saveSettings(tx, vizinha, { greeting: 'Invasão' })),
    ).rejects.toThrow();
  });

  it('delivers core events to the plugin, except for resellers that turned it off', async () => {
    const at = t.clock.now();
    await t.services.events.emit('clinic.created', { resellerId: demo, clinicId: 1003, name: 'Nova', actorUserId: null, at });
    await t.services.events.emit('membership.added', { resellerId: demo, clinicId: 1003, userId: 1, role: 'gestor', actorUserId: null, at });
    expect((await toggle(vizinha, false)).status).toBe(303);
    await t.services.events.emit('clinic.created', { resellerId: vizinha, clinicId: 2001, name: 'X', actorUserId: null, at });
    expect((await toggle(vizinha, true)).status).toBe(303);
    await t.services.events.emit('grant.started', {
      resellerId: vizinha,
      clinicId: 2002,
      grantId: 7,
      endsAt: at,
      grantedByUserId: 1,
      at,
    });
    const received = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(eventLog).orderBy(eventLog.receivedAt, eventLog.id));
    expect(received.map((r) => [r.event, r.clinicId])).toEqual([
      ['clinic.created', 1003],
      ['grant.started', 2002],
    ]);
    expect(t.services.events.subscribers('clinic.created')).toEqual(['fixture-plugin']);
  });

  it('runs its job once per slot on this instance, and records the run', async () => {
    // Core's own periodic jobs (the upload sweep) share the queue: look at the plugin's runs only.
    const tick = async () => (await t.host.scheduler.tickOnce()).filter((o) => o.owner === 'fixture-plugin');
    const first = await Promise.all([tick(), tick()]);
    expect(first.flat().map((o) => [o.kind, o.state])).toEqual([['count-notes', 'succeeded']]);
    expect(await tick()).toEqual([]);
    t.clock.advance(4 * 60_000);
    expect(await tick()).toEqual([]);
    t.clock.advance(60_000);
    expect(await tick()).toHaveLength(1);
    const ticks = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(jobTicks));
    expect(ticks).toHaveLength(2);
    const runs = await db.scoped({ kind: 'platform' }, (tx) =>
      tx
        .select()
        .from(schema.jobs)
        .where(and(eq(schema.jobs.owner, 'fixture-plugin'), eq(schema.jobs.kind, 'count-notes'))),
    );
    expect(runs.map((r) => [r.state, r.attempts, r.percent])).toEqual([
      ['succeeded', 1, 100],
      ['succeeded', 1, 100],
    ]);
  });

  it('shows the plugins page: version, migrations, health, reseller count and jobs', async () => {
    const res = await t.request('/plataforma/plugins', { cookie: platform });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Notas (plugin de teste)');
    expect(html).toContain('versão 1.2.3');
    expect(html).toContain('4 de 4 migrações aplicadas');
    expect(html).toContain('Em funcionamento');
    expect(html).toContain('count-notes');
    expect(html).toMatch(/ligado em 2 de 2/);
    expect(await (await t.request('/', { cookie: platform })).text()).toContain('href="/plataforma/plugins"');
    expect((await t.request('/plataforma/plugins', { cookie: gestor })).status).toBe(403);
    const list = await (await t.request('/plataforma/plugins/fixture-plugin?q=vizinha', { cookie: platform })).text();
    expect(list).toContain('Singular Vizinha');
    expect(list).not.toContain('Singular Demo<');
    expect(list).toContain('hx-post="/plataforma/plugins/fixture-plugin/singulares/');
  });

  it('calls stop() on shutdown and then refuses its routes', async () => {
    const before = probe.stops;
    await t.host.stop();
    expect(probe.stops).toBe(before + 1);
    const res = await t.request(home, { cookie: gestor });
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('indisponível');
  });
});
