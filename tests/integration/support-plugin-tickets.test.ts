/**
 * Support plugin, ticket flow through HTTP on both drivers: a clinic user opens a ticket (attachment
 * sniffed and stored), the agent triages and answers, the SLA pauses while waiting for the client,
 * a closed ticket is never reopened and can be continued in a new one, TISS tickets get the singular's
 * standard answer, routing to the singular's own team, and the access-grant panel.
 */
import { type Db, type SupportAccessPort } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { multipart, startSupportApp, type SupportTestApp, ticketIdOf } from './support-plugin-harness.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3]);
const fakePng = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

/** Text of an element with this data-testid (first match), tags stripped. */
function testId(html: string, id: string): string {
  const m = new RegExp(`data-testid="${id}"[^>]*>([\\s\\S]*?)</`).exec(html);
  return (m?.[1] ?? '').replace(/<[^>]+>/g, '').trim();
}

describe.each(testDrivers())('support plugin tickets on %s', (driver) => {
  let t: SupportTestApp;
  let clinic: string;
  let agent: string;
  let admin: string;

  beforeAll(async () => {
    // Monday 09/03/2026 10:00 in Brasília.
    t = await startSupportApp(driver, { now: '2026-03-09T13:00:00.000Z' });
    [clinic, agent, admin] = [await t.login('clinica@demo.test'), await t.login('suporte@demo.test'), await t.login('singular@demo.test')];
  });
  afterAll(async () => {
    await t?.close();
  });

  const open = (cookie: string, fields: Record<string, string>, files: Parameters<typeof multipart>[1] = []) =>
    t.request('/p/support/chamados', { cookie, body: multipart(fields, files) });
  const page = async (cookie: string, path: string) => {
    const res = await t.request(path, { cookie });
    return { status: res.status, html: await res.text() };
  };
  /** Moves the clock (sessions idle out after 30 min, so everyone signs in again). */
  const minutes = async (n: number) => {
    t.clock.advance(n * 60_000);
    [clinic, agent, admin] = [await t.login('clinica@demo.test'), await t.login('suporte@demo.test'), await t.login('singular@demo.test')];
  };

  it('opens a ticket in the active base with a sniffed attachment, and refuses bad input changing nothing', async () => {
    const before = await t.db.query<{ n: number }>(t.db.owner, sql`select count(*)::int as n from support.tickets`);
    const bad = await open(clinic, { categoria: 'erro', modulo: 'agenda', assunto: 'x', mensagem: '' }, [
      { field: 'anexos', name: 'print.png', type: 'image/png', bytes: fakePng },
    ]);
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Escreva um assunto de 3 a 120 caracteres.');
    expect(badHtml).toContain('O arquivo &quot;print.png&quot; não é uma imagem PNG/JPG nem um PDF.');
    const after = await t.db.query<{ n: number }>(t.db.owner, sql`select count(*)::int as n from support.tickets`);
    expect(after[0]?.n).toBe(before[0]?.n);

    const res = await open(
      clinic,
      { categoria: 'erro', modulo: 'agenda', assunto: 'Agenda não salva encaixe', mensagem: 'Ao salvar um encaixe aparece erro. Veja https://ajuda.exemplo.com.br/encaixe.' },
      [{ field: 'anexos', name: 'C:\\fotos\\tela.png', type: 'application/octet-stream', bytes: png }],
    );
    const id = ticketIdOf(res);
    const { html } = await page(clinic, `/p/support/chamados/${id}`);
    expect(html).toContain('Agenda não salva encaixe');
    expect(html).toContain('Clínica Demo Centro · id 1001');
    expect(html).toContain('<a href="https://ajuda.exemplo.com.br/encaixe" rel="noopener noreferrer nofollow ugc" target="_blank">');
    const [row] = await t.db.query<{ clinic_id: number; queue: string; status: string; priority: string | null }>(
      t.db.owner,
      sql`select clinic_id::int, queue, status, priority from support.tickets where id = ${id}`,
    );
    expect(row).toEqual({ clinic_id: 1001, queue: 'vendor', status: 'aberto', priority: null });
    const [file] = await t.db.query<{ id: number; file_name: string; content_type: string; size_bytes: number }>(
      t.db.owner,
      sql`select id::int, file_name, content_type, size_bytes from support.attachments where ticket_id = ${id}`,
    );
    expect(file).toMatchObject({ file_name: 'tela.png', content_type: 'image/png', size_bytes: png.length });
    const download = await t.request(`/p/support/anexos/${file!.id}`, { cookie: clinic });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(download.headers.get('content-disposition')).toBe(`inline; filename="tela.png"; filename*=UTF-8''tela.png`);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
    // A bug becomes a card on the singular's board.
    const board = await page(admin, '/p/support/quadro');
    expect(board.html).toContain(`#${id}</span> Agenda não salva encaixe`);
  });

  it('agent triages (deadline recomputed), pauses the clock while waiting for the client, resumes on the reply', async () => {
    const id = ticketIdOf(await open(clinic, { categoria: 'duvida', modulo: 'financeiro', assunto: 'Como lançar repasse', mensagem: 'Como faço?' }));
    // Untriaged: média, 20 business hours from Monday 10:00: Mon 6.5 h, Tue 8 h, Wed 08:30–12:00 + 13:30–15:30.
    let html = (await page(agent, `/p/support/chamados/${id}`)).html;
    expect(testId(html, 'sla-due')).toBe('11/03/2026 15:30');
    expect(html).toContain('média (padrão, sem triagem)');

    await minutes(30);
    const triage = await t.request(`/p/support/chamados/${id}/prioridade`, { cookie: agent, form: { prioridade: 'alta' } });
    expect(triage.status).toBe(303);
    html = (await page(agent, `/p/support/chamados/${id}`)).html;
    // Alta: 8 h from Monday 10:00 → Monday 10:00–12:00, 13:30–18:00 (6.5 h) + Tuesday 08:30–10:00.
    expect(testId(html, 'sla-due')).toBe('10/03/2026 10:00');
    // The clinic may not triage.
    expect((await t.request(`/p/support/chamados/${id}/prioridade`, { cookie: clinic, form: { prioridade: 'baixa' } })).status).toBe(403);

    // Status "aguardando cliente" without a reply pauses the clock.
    await minutes(30); // 11:00, 1 h elapsed
    await t.request(`/p/support/chamados/${id}/situacao`, { cookie: agent, form: { situacao: 'aguardando_cliente' } });
    await minutes(24 * 60); // Tuesday 11:00: paused, nothing counted
    html = (await page(agent, `/p/support/chamados/${id}`)).html;
    expect(testId(html, 'sla-due')).toBe('Pausado (aguardando cliente)');
    expect(html).toContain('Pausado · restam 7 h');
    const clinicView = (await page(clinic, `/p/support/chamados/${id}`)).html;
    expect(clinicView).toContain('O suporte aguarda a sua resposta.');

    // The client answers: back to "em atendimento", 7 h left from Tuesday 11:00 → Tuesday 11:00–12:00, 13:30–18:00, Wed 08:30–10:00.
    const answer = await t.request(`/p/support/chamados/${id}/mensagens`, { cookie: clinic, body: multipart({ mensagem: 'Uso o plano de contas padrão.' }) });
    expect(answer.status).toBe(303);
    html = (await page(agent, `/p/support/chamados/${id}`)).html;
    expect(html).toContain('Em atendimento');
    expect(testId(html, 'sla-due')).toBe('11/03/2026 10:00');

    // First agent reply ends the SLA: met.
    await minutes(60);
    const reply = await t.request(`/p/support/chamados/${id}/mensagens`, {
      cookie: agent,
      body: multipart({ mensagem: 'Em Financeiro › Repasses, use "Novo repasse".', situacao: 'resolvido' }),
    });
    expect(reply.status).toBe(303);
    html = (await page(clinic, `/p/support/chamados/${id}`)).html;
    expect(html).toContain('Respondido no prazo');
    expect(html).toContain('data-testid="confirm-solution"');
    // The clinic was notified of the answer.
    const notes = await t.db.query<{ title: string }>(t.db.owner, sql`select title from notifications where link = ${`/p/support/chamados/${id}`}`);
    expect(notes.map((n) => n.title)).toContain(`Resposta no chamado #${id}`);
  });

  it('a closed ticket is never reopened; "Abrir novo chamado a partir deste" links the new one to it', async () => {
    const id = ticketIdOf(await open(clinic, { categoria: 'duvida', modulo: 'cadastros', assunto: 'Cadastro de convênio', mensagem: 'Como cadastro?' }));
    await t.request(`/p/support/chamados/${id}/mensagens`, { cookie: agent, body: multipart({ mensagem: 'Em Cadastros › Convênios.', situacao: 'resolvido' }) });
    expect((await t.request(`/p/support/chamados/${id}/situacao`, { cookie: clinic, form: { situacao: 'fechado' } })).status).toBe(303);
    let html = (await page(clinic, `/p/support/chamados/${id}`)).html;
    expect(html).toContain('data-testid="closed-notice"');
    expect(html).not.toContain('data-testid="reply-form"');

    // Neither side can reopen it or write in it.
    await t.request(`/p/support/chamados/${id}/situacao`, { cookie: agent, form: { situacao: 'em_atendimento' } });
    await t.request(`/p/support/chamados/${id}/mensagens`, { cookie: clinic, body: multipart({ mensagem: 'Voltou a acontecer' }) });
    const [row] = await t.db.query<{ status: string; n: number }>(
      t.db.owner,
      sql`select status, (select count(*)::int from support.messages m where m.ticket_id = t.id) as n from support.tickets t where id = ${id}`,
    );
    expect(row).toEqual({ status: 'fechado', n: 2 });
    // Not even directly in the database.
    await expect(t.db.owner.execute(sql`update support.tickets set status = 'aberto' where id = ${id}`)).rejects.toThrow();

    const form = await page(clinic, `/p/support/chamados/novo?de=${id}`);
    expect(form.html).toContain(`Novo chamado a partir do #${id}`);
    const next = ticketIdOf(await open(clinic, { categoria: 'duvida', modulo: 'cadastros', assunto: 'Continuação: Cadastro de convênio', mensagem: 'Voltou a acontecer.', de: String(id) }));
    html = (await page(clinic, `/p/support/chamados/${next}`)).html;
    expect(html).toContain(`<a href="/p/support/chamados/${id}">#${id}</a>`);
    html = (await page(clinic, `/p/support/chamados/${id}`)).html;
    expect(html).toContain(`Continuado no <a href="/p/support/chamados/${next}">chamado #${next}</a>`);
    // Continuing a ticket that is not closed is refused.
    expect((await t.request(`/p/support/chamados/novo?de=${next}`, { cookie: clinic })).status).toBe(409);
  });

  it('TISS tickets offer the singular standard answer, pre-filled for the support side only', async () => {
    const id = ticketIdOf(await open(clinic, { categoria: 'tiss', modulo: 'faturamento', assunto: 'Glosa na guia 123', mensagem: 'Recebemos glosa.' }));
    const agentView = (await page(agent, `/p/support/chamados/${id}`)).html;
    expect(agentView).toContain('data-testid="tiss-suggestion"');
    expect(agentView).toMatch(/<textarea id="f-mensagem"[^>]*>Olá! Este chamado trata de uma situação da TISS integrada/);
    expect(agentView).toContain('devem ser tratados diretamente com a operadora');
    expect((await page(clinic, `/p/support/chamados/${id}`)).html).not.toContain('data-testid="tiss-suggestion"');

    // The reseller admin edits the text; the suggestion follows.
    const current = await page(admin, '/p/support/configuracoes');
    expect(current.status).toBe(200);
    const saved = await t.request('/p/support/configuracoes', {
      cookie: admin,
      form: { textoTiss: 'Glosas: procure a Central de Autorizações da Unimed Demo (0800 000 0101).', retencaoDias: '365' },
    });
    expect(saved.status).toBe(303);
    expect((await page(agent, `/p/support/chamados/${id}`)).html).toContain('Central de Autorizações da Unimed Demo (0800 000 0101).</textarea>');
  });

  it('routes to the singular own team when enabled: the vendor agent never sees those tickets, the team answers and may escalate', async () => {
    await t.request('/p/support/configuracoes', {
      cookie: admin,
      form: { equipePropria: '1', textoTiss: 'Procure a operadora.', retencaoDias: '365' },
    });
    const id = ticketIdOf(await open(clinic, { categoria: 'duvida', modulo: 'agenda', assunto: 'Fila da singular', mensagem: 'Pergunta para a singular.' }));
    const [row] = await t.db.query<{ queue: string }>(t.db.owner, sql`select queue from support.tickets where id = ${id}`);
    expect(row?.queue).toBe('reseller');
    // Vendor agent: not in the queue, 404 on the ticket.
    expect((await page(agent, '/p/support/fila?situacao=todas')).html).not.toContain(`data-ticket="${id}"`);
    expect((await page(agent, `/p/support/chamados/${id}`)).status).toBe(404);
    // The singular's queue shows it; its admin answers as the team (first response).
    expect((await page(admin, '/p/support/singular')).html).toContain(`data-ticket="${id}"`);
    const answer = await t.request(`/p/support/chamados/${id}/mensagens`, { cookie: admin, body: multipart({ mensagem: 'Olá, aqui é a equipe da singular.' }) });
    expect(answer.status).toBe(303);
    const view = (await page(clinic, `/p/support/chamados/${id}`)).html;
    expect(view).toContain('Equipe da singular');
    expect(view).toContain('Respondido no prazo');
    // Escalation to the vendor: now the agent sees it.
    expect((await t.request(`/p/support/chamados/${id}/encaminhar`, { cookie: admin, form: {} })).status).toBe(303);
    expect((await page(agent, `/p/support/chamados/${id}`)).status).toBe(200);
    await t.request('/p/support/configuracoes', { cookie: admin, form: { textoTiss: 'Procure a operadora.', retencaoDias: '365' } });
  });

  it('shows the grant panel: unavailable without the port; with it, "Entrar na base" or "Solicitar acesso" with the ticket number', async () => {
    const id = ticketIdOf(await open(clinic, { categoria: 'erro', modulo: 'prontuario', assunto: 'Prontuário lento', mensagem: 'Demora 1 minuto.' }));
    const original = t.services.supportAccess.port;
    t.services.supportAccess.port = null;
    expect((await page(agent, `/p/support/chamados/${id}`)).html).toContain('data-testid="grant-unavailable"');

    const requests: Array<Parameters<SupportAccessPort['requestAccess']>[1]> = [];
    let active: { id: number; endsAt: Date } | null = null;
    const port: SupportAccessPort = {
      activeGrant: async (_tx: Db, base) => (base.clinicId === 1001 ? active : null),
      requestAccess: async (_tx: Db, input) => {
        requests.push(input);
        return { requestId: requests.length };
      },
      enterPath: (base) => `/suporte/bases/${base.clinicId}`,
    };
    t.services.supportAccess.port = port;
    try {
      let html = (await page(agent, `/p/support/chamados/${id}`)).html;
      expect(html).toContain('data-testid="request-access"');
      expect((await t.request(`/p/support/chamados/${id}/acesso`, { cookie: agent, form: {} })).status).toBe(303);
      expect(requests).toEqual([
        {
          agentUserId: expect.any(Number),
          agentName: 'Sérgio Suporte',
          agentEmail: 'suporte@demo.test',
          resellerId: expect.any(Number),
          clinicId: 1001,
          reason: `Chamado #${id}: Prontuário lento`,
        },
      ]);
      html = (await page(agent, `/p/support/chamados/${id}`)).html;
      expect(html).toContain('Acesso solicitado em');
      expect(html).toContain('Acesso à base solicitado à clínica');

      active = { id: 7, endsAt: new Date(t.clock.now().getTime() + 3_600_000) };
      html = (await page(agent, `/p/support/chamados/${id}`)).html;
      expect(html).toContain('<a href="/suporte/bases/1001" role="button" data-testid="enter-base">');
      // Only agents ask for access.
      expect((await t.request(`/p/support/chamados/${id}/acesso`, { cookie: clinic, form: {} })).status).toBe(403);
    } finally {
      t.services.supportAccess.port = original;
    }
  });

  it('with the support-access module installed, "Solicitar acesso" files a real request for the base’s gestores', async () => {
    const port = t.services.supportAccess.port;
    expect(port, 'the support-access module installs its port').not.toBeNull();
    const id = ticketIdOf(await open(clinic, { categoria: 'erro', modulo: 'agenda', assunto: 'Agenda travada?', mensagem: 'Não abre.' }));
    expect((await page(agent, `/p/support/chamados/${id}`)).html).toContain('data-testid="request-access"');
    expect((await t.request(`/p/support/chamados/${id}/acesso`, { cookie: agent, form: {} })).status).toBe(303);
    const rows = await t.db.query<{ clinic_id: number; reason: string }>(
      t.db.owner,
      sql`select clinic_id::int, reason from support_access.access_requests where reason like ${`Chamado #${id}:%`}`,
    );
    expect(rows).toEqual([{ clinic_id: 1001, reason: `Chamado #${id}: Agenda travada?` }]);
    const gestora = await t.db.query<{ n: number }>(
      t.db.owner,
      sql`select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.email = 'clinica@demo.test' and n.kind = 'support_access.request'`,
    );
    expect(gestora[0]?.n).toBeGreaterThan(0);
    // The notification names the base and ends the reason once ("…travada?", not "…travada?.").
    const [note] = await t.db.query<{ body: string }>(
      t.db.owner,
      sql`select n.body from notifications n join users u on u.id = n.user_id where u.email = 'clinica@demo.test' and n.kind = 'support_access.request' order by n.id desc limit 1`,
    );
    expect(note?.body).toBe(
      `Sérgio Suporte pediu acesso à Clínica Demo Centro (id 1001). Motivo: Chamado #${id}: Agenda travada? Aprove ou recuse em "Acesso suporte".`,
    );
  });
});
