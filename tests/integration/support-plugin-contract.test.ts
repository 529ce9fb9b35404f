/**
 * Support plugin through the plugin contract, on both drivers: it starts and seeds its demo once,
 * every screen answers for the right people and declares a permission and a data class (never ehr),
 * core events reach it, and its periodic jobs close resolved tickets and purge old attachments.
 */
import { createApp, createLogger, createServices, loadConfig, loadPlugins } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEnv } from '../support/templates.ts';
import { testDrivers } from '../support/test-db.ts';
import { multipart, startSupportApp, type SupportTestApp, ticketIdOf } from './support-plugin-harness.ts';

const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

describe.each(testDrivers())('support plugin contract on %s', (driver) => {
  let t: SupportTestApp;
  beforeAll(async () => {
    t = await startSupportApp(driver, { now: '2026-03-11T15:00:00.000Z' });
  });
  afterAll(async () => {
    await t?.close();
  });
  const count = async (q: ReturnType<typeof sql>) => (await t.db.query<{ n: number }>(t.db.owner, q))[0]?.n ?? 0;

  it('starts, and seeds its demo data once: every status and priority, one breached, one at risk, cards', async () => {
    expect(t.host.get('support')?.health.state).toBe('started');
    const statuses = await t.db.query<{ status: string }>(t.db.owner, sql`select distinct status from support.tickets order by status`);
    expect(statuses.map((s) => s.status)).toEqual(['aberto', 'aguardando_cliente', 'em_atendimento', 'fechado', 'resolvido']);
    const priorities = await t.db.query<{ p: string | null }>(t.db.owner, sql`select distinct priority as p from support.tickets`);
    expect(priorities.map((p) => p.p).sort()).toEqual(['alta', 'baixa', 'media', null]);
    expect(await count(sql`select count(distinct "column")::int as n from support.cards`)).toBe(5);
    expect(await count(sql`select count(*)::int as n from support.attachments`)).toBeGreaterThan(0);
    const tickets = await count(sql`select count(*)::int as n from support.tickets`);
    // A second app instance on the same database starts without seeding again.
    const second = createApp(createServices(loadConfig(testEnv), t.db, t.clock, createLogger(loadConfig(testEnv))), [], await loadPlugins(['@painel/support']));
    await second.plugins.start();
    expect(second.plugins.get('support')?.health.state).toBe('started');
    expect(await count(sql`select count(*)::int as n from support.tickets`)).toBe(tickets);
    await second.plugins.stop();

    const agent = await t.session('suporte@demo.test');
    const risk = await (await t.request('/p/support/risco', { cookie: agent })).text();
    expect(risk).toMatch(/data-testid="breached-count">[1-9]/);
    expect(risk).toMatch(/data-testid="risk-count">[1-9]/);
  });

  it('declares every route with a permission and a data class, none of them ehr', async () => {
    const mine = t.routes.filter((r) => r.path.startsWith('/p/support'));
    expect(mine.length).toBeGreaterThan(15);
    for (const r of mine) {
      expect(r.meta.permission, `${r.method} ${r.path}`).toMatch(/^(support:[a-z]+|authenticated)$/);
      expect(['general', 'personal'], `${r.method} ${r.path}`).toContain(r.meta.dataClass);
      expect(r.meta.screen, `${r.method} ${r.path}`).toBeTruthy();
    }
    // Signed out, every screen sends to the login page.
    for (const p of ['/p/support/fila', '/p/support/chamados', '/p/support/indicadores']) expect((await t.request(p)).status).toBe(303);
  });

  it('answers each screen to the right people only', async () => {
    const who = {
      clinica: await t.session('clinica@demo.test'),
      suporte: await t.session('suporte@demo.test'),
      singular: await t.session('singular@demo.test'),
      plataforma: await t.session('plataforma@demo.test'),
    };
    const expectations: Array<[keyof typeof who, string, number]> = [
      ['clinica', '/p/support/chamados', 200],
      ['clinica', '/p/support/chamados/novo', 200],
      ['clinica', '/p/support/fila', 403],
      ['clinica', '/p/support/singular', 403],
      ['clinica', '/p/support/configuracoes', 403],
      ['suporte', '/p/support/fila', 200],
      ['suporte', '/p/support/risco', 200],
      ['suporte', '/p/support/indicadores', 200],
      ['suporte', '/p/support/chamados/novo', 403],
      ['suporte', '/p/support/configuracoes', 403],
      ['singular', '/p/support/singular', 200],
      ['singular', '/p/support/quadro', 200],
      ['singular', '/p/support/configuracoes', 200],
      ['singular', '/p/support/fila', 403],
      ['plataforma', '/p/support/indicadores', 200],
      ['plataforma', '/p/support/fila', 403],
      ['plataforma', '/p/support/chamados/novo', 403],
    ];
    for (const [user, path, status] of expectations) {
      expect((await t.request(path, { cookie: who[user] })).status, `${user} ${path}`).toBe(status);
    }
    // Platform admins read any ticket, read only.
    const [any] = await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from support.tickets where status <> 'fechado' limit 1`);
    const html = await (await t.request(`/p/support/chamados/${any!.id}`, { cookie: who.plataforma })).text();
    expect(html).toContain('somente para leitura');
    expect((await t.request(`/p/support/chamados/${any!.id}/mensagens`, { cookie: who.plataforma, body: multipart({ mensagem: 'oi' }) })).status).toBe(403);
  });

  it('notes a grant starting and ending on the base’s open tickets (core events)', async () => {
    const [demo] = await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from resellers where code = '0101'`);
    const before = await count(sql`select count(*)::int as n from support.ticket_events where kind = 'grant_started' and clinic_id = 1001`);
    const at = t.clock.now();
    await t.services.events.emit('grant.started', { resellerId: demo!.id, clinicId: 1001, grantId: 99, endsAt: new Date(at.getTime() + 3_600_000), grantedByUserId: 1, at });
    await t.services.events.emit('grant.ended', { resellerId: demo!.id, clinicId: 1001, grantId: 99, reason: 'revoked', actorUserId: 1, at });
    const open = await count(sql`select count(*)::int as n from support.tickets where clinic_id = 1001 and queue = 'vendor' and status in ('aberto','em_atendimento','aguardando_cliente')`);
    expect(open).toBeGreaterThan(0);
    expect(await count(sql`select count(*)::int as n from support.ticket_events where kind = 'grant_started' and clinic_id = 1001`)).toBe(before + open);
    expect(await count(sql`select count(*)::int as n from support.ticket_events where kind = 'grant_ended' and clinic_id = 1001`)).toBe(open);
  });

  it('jobs: closes tickets resolved for 7 days and purges attachments after the retention window', async () => {
    const admin = await t.session('singular@demo.test');
    await t.request('/p/support/configuracoes', { cookie: admin, form: { textoTiss: 'Procure a operadora.', retencaoDias: '30' } });
    const clinic = await t.session('clinica@demo.test');
    const id = ticketIdOf(
      await t.request('/p/support/chamados', {
        cookie: clinic,
        body: multipart({ categoria: 'duvida', modulo: 'outro', assunto: 'Manual em PDF', mensagem: 'Segue o manual.' }, [
          { field: 'anexos', name: 'manual.pdf', type: 'application/pdf', bytes: pdf },
        ]),
      }),
    );
    const agent = await t.session('suporte@demo.test');
    await t.request(`/p/support/chamados/${id}/mensagens`, { cookie: agent, body: multipart({ mensagem: 'Recebido, obrigado.', situacao: 'resolvido' }) });
    const [file] = await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from support.attachments where ticket_id = ${id}`);
    const served = await t.request(`/p/support/anexos/${file!.id}`, { cookie: clinic });
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe(`attachment; filename="manual.pdf"; filename*=UTF-8''manual.pdf`);

    t.clock.advance(8 * 86_400_000);
    await t.host.scheduler.tickOnce();
    const [closed] = await t.db.query<{ status: string }>(t.db.owner, sql`select status from support.tickets where id = ${id}`);
    expect(closed?.status).toBe('fechado');
    expect(await count(sql`select count(*)::int as n from support.attachments where ticket_id = ${id} and content is not null`)).toBe(1);

    t.clock.advance(31 * 86_400_000);
    await t.host.scheduler.tickOnce();
    const [purged] = await t.db.query<{ content: unknown; purged_at: Date | null }>(t.db.owner, sql`select content, purged_at from support.attachments where ticket_id = ${id}`);
    expect(purged?.content).toBeNull();
    expect(purged?.purged_at).not.toBeNull();
    const again = await t.session('clinica@demo.test');
    const gone = await t.request(`/p/support/anexos/${file!.id}`, { cookie: again });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('removido pela política de retenção');
    expect(await count(sql`select count(*)::int as n from audit_log where action = 'support.attachments.purged'`)).toBeGreaterThan(0);
  });

  it('with the support-access module, a base with an active grant shows "Entrar na base" on its tickets', async () => {
    // The support-access demo grants Clínica Demo Centro (1001) one day of access from 02/03/2026 09:00 (Brasília).
    t.clock.set('2026-03-02T14:00:00.000Z');
    const agent = await t.session('suporte@demo.test');
    const [ticket] = await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from support.tickets where clinic_id = 1001 and queue = 'vendor' limit 1`);
    const html = await (await t.request(`/p/support/chamados/${ticket!.id}`, { cookie: agent })).text();
    expect(html).toContain('Acesso liberado');
    expect(html).toMatch(/<a href="\/suporte\/bases[^"]*" role="button" data-testid="enter-base">/);
    const [other] = await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from support.tickets where clinic_id = 1002 and queue = 'vendor' limit 1`);
    expect(await (await t.request(`/p/support/chamados/${other!.id}`, { cookie: agent })).text()).toContain('data-testid="request-access"');
  });
});
