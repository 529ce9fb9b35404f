/**
 * A support agent inside a base with an active grant reads the base's users and roles, its onboarding
 * progress and its tickets (SPEC §3), read-only, each view in the base's access history; without the grant, or for another base,
 * nothing.
 */
import { loadPlugins, schema } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { platformRows, resellerOf, sessionIdOf } from './support-access-helpers.ts';
import { createClinicUser } from './tenants-users-helpers.ts';

describe.each(testDrivers())('support agent reading a granted base on %s', (driver) => {
  let t: TestApp;
  let agent: string;
  let close: () => Promise<void>;

  beforeEach(async () => {
    const db = await openTestDatabase(driver);
    t = await createTestApp(db, { plugins: await loadPlugins(['@painel/support']) });
    close = async () => {
      await t.host.stop();
      await db.close();
    };
    agent = await t.login('suporte@demo.test');
  });
  afterEach(async () => {
    await close();
  });

  const enter = (clinicId: number) => t.request('/suporte/bases/entrar', { cookie: agent, form: { base: String(clinicId) } });
  const idOf = async (email: string) => {
    const [row] = await t.db.scoped({ kind: 'platform' }, (tx) => tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, email)));
    return row!.id;
  };

  it('is refused the users and tickets of a base while outside it (no grant entered)', async () => {
    for (const path of ['/usuarios', '/p/support/chamados', `/usuarios/${await idOf('clinica@demo.test')}`]) {
      expect((await t.request(path, { cookie: agent })).status, path).toBe(403);
    }
  });

  it('reads the users, their roles and the tickets of the granted base, with no write button, and writes are refused', async () => {
    expect((await enter(1001)).status).toBe(303);
    const list = await t.request('/usuarios', { cookie: agent });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('clinica@demo.test');
    expect(html).toContain('Gestor');
    expect(html).not.toContain('Convidar usuário');
    expect(html).not.toContain('Gerenciar');

    const gestorId = await idOf('clinica@demo.test');
    const user = await t.request(`/usuarios/${gestorId}`, { cookie: agent });
    expect(user.status).toBe(200);
    const userHtml = await user.text();
    expect(userHtml).toContain('Clínica Demo Centro');
    expect(userHtml).not.toMatch(/<form method="post" action="\/usuarios\//);
    expect(userHtml).not.toContain('Desativar conta');

    const tickets = await t.request('/p/support/chamados', { cookie: agent });
    expect(tickets.status).toBe(200);
    const ticketsHtml = await tickets.text();
    expect(ticketsHtml).toContain('Chamados de suporte da base Clínica Demo Centro');
    expect(ticketsHtml).not.toContain('Abrir chamado');

    // Writes stay closed: deactivate, change a role, invite, open a ticket.
    expect((await t.request(`/usuarios/${gestorId}/desativar`, { cookie: agent, method: 'POST' })).status).toBe(403);
    expect((await t.request(`/usuarios/${gestorId}/vinculos/1001/perfil`, { cookie: agent, form: { perfil: 'medico' } })).status).toBe(403);
    expect((await t.request('/usuarios/convidar', { cookie: agent })).status).toBe(403);
    expect((await t.request('/p/support/chamados/novo', { cookie: agent })).status).toBe(403);
    const [gestor] = await t.db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.users).where(eq(schema.users.id, gestorId)));
    expect(gestor?.status).toBe('active');
  });

  it('does not reach a user of another base of the same singular (404), nor another base through a forced session', async () => {
    const onlyNorte = await createClinicUser(t.db, 'so.norte@matriz.test', 'Nilo Norte', [{ clinicId: 1002, role: 'secretaria' }]);
    expect((await enter(1001)).status).toBe(303);
    expect((await t.request(`/usuarios/${onlyNorte}`, { cookie: agent })).status).toBe(404);
    expect(await (await t.request('/usuarios?q=Nilo', { cookie: agent })).text()).not.toContain('so.norte@matriz.test');
    // A session pushed onto a base without a grant serves nothing of it.
    await t.services.sessions.update(sessionIdOf(agent), { activeResellerId: await resellerOf(t.db, 1002), activeClinicId: 1002 });
    for (const path of ['/usuarios', '/p/support/chamados']) expect((await t.request(path, { cookie: agent })).status, path).toBe(403);
  });

  it('reads the base’s onboarding progress: the same figures the singular sees for that base, and no other base', async () => {
    const rowOf = (html: string, clinicId: number) => {
      const row = new RegExp(`<tr>(?:(?!</tr>).)*· id ${clinicId}</span>(?:(?!</tr>).)*</tr>`, 's').exec(html)?.[0];
      return row?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() ?? null;
    };
    expect((await t.request('/conteudos/progresso-da-base', { cookie: agent })).status).toBe(403);
    const admin = await t.login('singular@demo.test');
    const singular = await (await t.request('/conteudos/analise?trilha=padrao', { cookie: admin })).text();
    const expected = rowOf(singular, 1001);
    expect(expected).toContain('Clínica Demo Centro');
    expect(expected).not.toMatch(/ 0% 0%$/);

    expect((await enter(1001)).status).toBe(303);
    const res = await t.request('/conteudos/progresso-da-base?trilha=padrao', { cookie: agent });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Quanto os usuários da base Clínica Demo Centro (id 1001) avançam');
    expect(rowOf(html, 1001)).toBe(expected);
    expect(rowOf(html, 1002)).toBeNull();
    expect(html).not.toContain('Exportar');
    expect((await t.request('/conteudos/analise', { cookie: agent })).status).toBe(403);
  });

  it('lists each of these views in the base’s access history, which the gestor sees', async () => {
    const since = t.clock.now().toISOString();
    expect((await enter(1001)).status).toBe(303);
    const gestorId = await idOf('clinica@demo.test');
    for (const path of ['/usuarios', `/usuarios/${gestorId}`, '/p/support/chamados', '/conteudos/progresso-da-base']) {
      expect((await t.request(path, { cookie: agent })).status, path).toBe(200);
    }
    const rows = await platformRows<{ path: string; screen: string; outcome: string }>(
      t.db,
      sql`select path, screen, outcome from support_access.access_log where clinic_id = 1001 and at >= ${since}::timestamptz and method = 'GET' order by id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { path: '/usuarios', screen: 'Usuários', outcome: 'allowed' },
        { path: `/usuarios/${gestorId}`, screen: 'Usuário', outcome: 'allowed' },
        { path: '/p/support/chamados', screen: 'Chamados da base', outcome: 'allowed' },
        { path: '/conteudos/progresso-da-base', screen: 'Progresso da base', outcome: 'allowed' },
      ]),
    );
    const gestor = await t.login('clinica@demo.test');
    const history = await (await t.request('/acesso-suporte', { cookie: gestor })).text();
    expect(history).toContain('Chamados da base');
    expect(history).toContain('Usuários');
  });
});
