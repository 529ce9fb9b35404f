/**
 * Support plugin acceptance on both drivers: a ticket opened on Friday 17:00 (Brasília) with priority
 * alta is due on the next business day at the same minute (Monday 17:00), one day later when that
 * Monday is a national holiday (07/09/2026), and the deadline follows the singular's calendar at once
 * (it is derived, never stored). Plus the breach-risk list, the board (with and without htmx) and the
 * indicators (charts and CSV).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { multipart, startSupportApp, type SupportTestApp, ticketIdOf } from './support-plugin-harness.ts';

const due = (html: string) => /data-testid="sla-due">([^<]*)</.exec(html)?.[1];

describe.each(testDrivers())('support plugin SLA, board and indicators on %s', (driver) => {
  let t: SupportTestApp;
  let clinic: string;
  let agent: string;
  let admin: string;
  const signIn = async () => {
    [clinic, agent, admin] = [await t.login('clinica@demo.test'), await t.login('suporte@demo.test'), await t.login('singular@demo.test')];
  };

  beforeAll(async () => {
    // Friday 06/03/2026 17:00 in Brasília.
    t = await startSupportApp(driver, { now: '2026-03-06T20:00:00.000Z' });
    await signIn();
  });
  afterAll(async () => {
    await t?.close();
  });

  const page = async (cookie: string, path: string, headers?: Record<string, string>) => {
    const res = await t.request(path, { cookie, ...(headers ? { headers } : {}) });
    return { status: res.status, html: await res.text() };
  };
  const openAlta = async (subject: string) => {
    const id = ticketIdOf(
      await t.request('/p/support/chamados', {
        cookie: clinic,
        body: multipart({ categoria: 'erro', modulo: 'faturamento', assunto: subject, mensagem: 'O sistema parou.' }),
      }),
    );
    expect((await t.request(`/p/support/chamados/${id}/prioridade`, { cookie: agent, form: { prioridade: 'alta' } })).status).toBe(303);
    return id;
  };

  it('Friday 17:00, alta → first response due Monday 17:00', async () => {
    const id = await openAlta('Faturamento parado na sexta');
    expect(due((await page(agent, `/p/support/chamados/${id}`)).html)).toBe('09/03/2026 17:00');
    expect(due((await page(clinic, `/p/support/chamados/${id}`)).html)).toBe('09/03/2026 17:00');
  });

  it('Friday 04/09/2026 17:00, alta → due Tuesday 08/09 17:00 (Monday 07/09 is Independência)', async () => {
    t.clock.set('2026-09-04T20:00:00.000Z');
    await signIn();
    const id = await openAlta('Faturamento parado antes do feriado');
    const html = (await page(agent, `/p/support/chamados/${id}`)).html;
    expect(due(html)).toBe('08/09/2026 17:00');
    expect(html).toContain('Vence em 8 h');

    // The singular takes Tuesday 08/09 off: the deadline moves at once (derived from the log); removing it moves it back.
    expect((await t.request('/p/support/configuracoes/folgas', { cookie: admin, form: { data: '08/09/2026' } })).status).toBe(303);
    expect(due((await page(agent, `/p/support/chamados/${id}`)).html)).toBe('09/09/2026 17:00');
    const settings = (await page(admin, '/p/support/configuracoes')).html;
    expect(settings).toContain('08/09/2026');
    expect(settings).toContain('Dia da Independência');
    expect((await t.request('/p/support/configuracoes/folgas/remover', { cookie: admin, form: { data: '2026-09-08' } })).status).toBe(303);
    expect(due((await page(agent, `/p/support/chamados/${id}`)).html)).toBe('08/09/2026 17:00');
    // A bad date changes nothing.
    const bad = await t.request('/p/support/configuracoes/folgas', { cookie: admin, form: { data: '30/02/2026' } });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Informe uma data válida para a folga, no formato dd/mm/aaaa.');
  });

  it('the breach-risk list puts the breached ticket first, then the one with less than an hour left', async () => {
    // Tuesday 08/09/2026 16:30: the ticket above has 30 business minutes left; one opened a week earlier is breached.
    t.clock.set('2026-09-08T19:30:00.000Z');
    await signIn();
    const { html, status } = await page(agent, '/p/support/risco');
    expect(status).toBe(200);
    const rows = [...html.matchAll(/data-ticket="(\d+)"[\s\S]*?data-sla="(\w+)"/g)].map((m) => m[2]);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0]).toBe('breached');
    const firstNotBreached = rows.findIndex((r) => r !== 'breached');
    expect(rows[firstNotBreached]).toBe('risk');
    expect(html).toContain('Vence em 30 min');
    // Clinic users have no risk list.
    expect((await page(clinic, '/p/support/risco')).status).toBe(403);
  });

  it('moves a board card with a plain form and with htmx (fragment only); only the singular’s admins use the board', async () => {
    const [card] = await t.db.query<{ id: number; ticket_id: number }>(
      t.db.owner,
      sql`select c.id::int, c.ticket_id::int from support.cards c join resellers r on r.id = c.reseller_id where r.code = '0101' and c."column" = 'novo' limit 1`,
    );
    const plain = await t.request(`/p/support/quadro/${card!.id}`, { cookie: admin, form: { coluna: 'em_analise' } });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/p/support/quadro');
    const htmx = await t.request(`/p/support/quadro/${card!.id}`, { cookie: admin, form: { coluna: 'encaminhado' }, headers: { 'hx-request': 'true' } });
    expect(htmx.status).toBe(200);
    const fragment = await htmx.text();
    expect(fragment.startsWith('<div id="sup-board"')).toBe(true);
    expect(fragment).not.toContain('<html');
    expect(fragment).toContain(`Card do chamado #${card!.ticket_id} em &quot;Encaminhado ao fornecedor&quot;.`);
    const [row] = await t.db.query<{ column: string }>(t.db.owner, sql`select "column" from support.cards where id = ${card!.id}`);
    expect(row?.column).toBe('encaminhado');
    expect((await t.request(`/p/support/quadro/${card!.id}`, { cookie: admin, form: { coluna: 'lixo' } })).status).toBe(303);
    expect((await t.db.query<{ column: string }>(t.db.owner, sql`select "column" from support.cards where id = ${card!.id}`))[0]?.column).toBe('encaminhado');
    const board = (await page(admin, '/p/support/quadro')).html;
    expect(board).toContain(`hx-post="/p/support/quadro/${card!.id}"`);
    expect(board).toContain('<option value="encaminhado" selected="">Encaminhado</option>');
    expect((await page(agent, '/p/support/quadro')).status).toBe(403);
    expect((await page(clinic, '/p/support/quadro')).status).toBe(403);
  });

  it('indicators: accessible SVG charts with tables, base filter, CSV export per ticket; clinics are refused', async () => {
    const { status, html } = await page(admin, '/p/support/indicadores?de=2026-08-01&ate=2026-09-08');
    expect(status).toBe(200);
    for (const id of ['volume-tempo', 'sla-prioridade', 'volume-modulo', 'volume-categoria', 'volume-base']) {
      expect(html).toContain(`data-testid="chart-${id}"`);
      expect(html).toMatch(new RegExp(`<svg[^>]*role="img"[^>]*aria-labelledby="${id}-title ${id}-desc"`));
    }
    expect(html).toContain('Ver tabela');
    expect(html).toContain('1ª resposta · p90');
    // One dd/mm/aaaa field for dates (no native date input showing the browser's locale).
    const typed = (await page(admin, '/p/support/indicadores?de=01/08/2026&ate=08/09/2026')).html;
    expect(typed).not.toContain('type="date"');
    expect(typed).toMatch(/<input type="text" name="de" value="01\/08\/2026" placeholder="dd\/mm\/aaaa"/);
    expect(typed).toMatch(/name="ate" value="08\/09\/2026"/);
    expect(typed).not.toContain('Datas inválidas');
    expect((await page(admin, '/p/support/indicadores?de=31/02/2026')).html).toContain('Datas inválidas: use o formato dd/mm/aaaa.');
    expect((await page(admin, '/p/support/configuracoes')).html).not.toContain('type="date"');

    const csv = await t.request('/p/support/indicadores/csv?de=2026-03-01&ate=2026-09-08&base=1001', { cookie: admin });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    const lines = text.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe(
      'chamado;assunto;aberto_em;singular;id_base;base;categoria;modulo;prioridade;situacao;atendimento;primeira_resposta_em;primeira_resposta_horas_uteis;meta_horas_uteis;sla',
    );
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.slice(1).every((l) => l.split(';')[4] === '1001')).toBe(true);
    expect(text).toContain('Faturamento parado antes do feriado');

    const across = await (await t.request('/p/support/indicadores/csv?de=2026-01-01&ate=2026-09-08', { cookie: agent })).text();
    expect(across).toContain('Singular Vizinha');
    expect(across).toContain('Singular Demo');
    expect((await page(clinic, '/p/support/indicadores')).status).toBe(403);
  });
});
