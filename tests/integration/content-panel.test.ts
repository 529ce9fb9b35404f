import { type Database, schema } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

/** The mark/unmark forms of a panel page, in order: their hidden fields and whether they mark done. */
function markForms(html: string): Record<string, string>[] {
  return [...html.matchAll(/<form method="post" action="\/painel\/tarefas"[\s\S]*?<\/form>/g)].map((m) => {
    const fields: Record<string, string> = {};
    for (const input of m[0].matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[input[1]!] = decode(input[2]!);
    return fields;
  });
}

/** "3 de 22" from the overall progress bar. */
function overall(html: string): { done: number; total: number } {
  const m = /<progress id="painel-progresso" value="(\d+)" max="(\d+)"/.exec(html);
  return { done: Number(m?.[1]), total: Number(m?.[2]) };
}

describe.each(testDrivers())('video panel and "Agendar um horário" on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let medico: string;

  const home = async (cookie = medico) => (await t.request('/', { cookie })).text();
  const mark = (fields: Record<string, string>, opts: { htmx?: boolean; cookie?: string } = {}) =>
    t.request('/painel/tarefas', { form: fields, cookie: opts.cookie ?? medico, headers: opts.htmx ? { 'hx-request': 'true' } : {} });
  const progressRows = () =>
    db.scoped({ kind: 'platform' }, async (tx) => (await db.query<{ n: number }>(tx, sql`select count(*)::int as n from content.progress`))[0]!.n);

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    medico = await t.login('medico@demo.test');
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows the panel with the default track in 5 etapas and the singular track, with accessible progress bars', async () => {
    const html = await home();
    // "Dr. Marcos Médico" is greeted by his name, not by his title.
    expect(html).toMatch(/<h1>Olá, Marcos!<\/h1>/);
    expect(html).toContain('Painel de evolução');
    expect(html).toContain('Painel Singular em 5 etapas');
    expect(html).toContain('Processos da Singular Demo');
    expect((html.match(/class="vp-stage /g) ?? []).length).toBe(5);
    expect(html).toMatch(/<label for="painel-progresso"[\s\S]*?Seu progresso geral/);
    const { done, total } = overall(html);
    expect(done).toBe(3);
    expect(total).toBeGreaterThan(3);
    expect(html).toContain('Conclua as etapas anteriores para liberar');
    expect(html).not.toContain('data-testid="agendar"');
  });

  it('shows no panel to admins and refuses them the panel routes', async () => {
    const admin = await t.login('singular@demo.test');
    expect(await home(admin)).not.toContain('Painel de evolução');
    expect((await t.request('/painel/agendar', { cookie: admin })).status).toBe(403);
    expect((await mark({ trilha: '0', conquista: 'x', tarefa: 'y', concluida: '1' }, { cookie: admin })).status).toBe(403);
  });

  it('marks a task with htmx (the conquista block plus out-of-band updates) and without JS (POST + redirect)', async () => {
    const forms = markForms(await home()).filter((f) => f.concluida === '1');
    const first = forms[0]!;
    const res = await mark(first, { htmx: true });
    expect(res.status).toBe(200);
    const fragment = await res.text();
    expect(fragment.startsWith('<details')).toBe(true);
    expect(fragment).toContain('hx-swap-oob="outerHTML"');
    expect(fragment).toContain('id="painel-geral"');
    expect(fragment).not.toContain('<html');
    expect(overall(await home()).done).toBe(4);

    const second = forms[1]!;
    const plain = await mark(second);
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toMatch(/^\/\?conquista=0-0#c-0-0$/);
    expect(overall(await home()).done).toBe(5);
  });

  it('unmarks a task, including one that starts done (efetuada)', async () => {
    const done = markForms(await home()).filter((f) => f.concluida === '0');
    const before = overall(await home()).done;
    expect((await mark(done[0]!)).status).toBe(303);
    expect(overall(await home()).done).toBe(before - 1);
    expect((await mark({ ...done[0]!, concluida: '1' })).status).toBe(303);
  });

  it('refuses to mark a task of a locked conquista (server-side) and unknown tasks, storing nothing', async () => {
    const rows = await progressRows();
    const locked = await mark({ trilha: '0', conquista: 'etapa 3 seguranca e lgpd', tarefa: 'conceder-acesso-suporte', concluida: '1' });
    expect(locked.status).toBe(409);
    expect(await locked.text()).toContain('Conclua as etapas anteriores');
    const unknown = await mark({ trilha: '0', conquista: 'etapa 1 primeiros passos', tarefa: 'nao-existe', concluida: '1' });
    expect(unknown.status).toBe(409);
    expect(await progressRows()).toBe(rows);
  });

  it('plays a video task in a youtube-nocookie iframe with a title, and serves help articles', async () => {
    const html = await home();
    const href = decode(/href="(\/painel\/tarefa\?[^"]+)"/.exec(html)![1]!);
    const task = await (await t.request(href, { cookie: medico })).text();
    expect(task).toMatch(/<iframe src="https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}" title="Vídeo: [^"]+"/);
    expect((await t.request('/painel/tarefa?trilha=0&conquista=x&tarefa=y', { cookie: medico })).status).toBe(404);
    const article = await t.request('/ajuda/minhas-sessoes', { cookie: medico });
    expect(article.status).toBe(200);
    expect(await article.text()).toContain('data-testid="help-article"');
    expect((await t.request('/ajuda/nao-existe', { cookie: medico })).status).toBe(404);
  });

  it('offers "Agendar um horário" only when everything is done, validates the slots and stores the request', async () => {
    const locked = await t.request('/painel/agendar', { cookie: medico });
    expect(await locked.text()).toContain('data-testid="booking-locked"');
    const early = await t.request('/painel/agendar', {
      form: { data1: '2026-03-04', hora1: '09:30', data2: '2026-03-05', hora2: '14:00' },
      cookie: medico,
    });
    expect(early.status).toBe(422);

    for (let i = 0; i < 100; i++) {
      const next = markForms(await home()).find((f) => f.concluida === '1');
      if (!next) break;
      expect((await mark(next)).status).toBe(303);
    }
    const done = await home();
    expect(overall(done).done).toBe(overall(done).total);
    const form = await (await t.request('/painel/agendar', { cookie: medico })).text();
    expect(form).not.toContain('type="date"');
    expect(form).toMatch(/<input type="text" id="f-data1" name="data1" value="" placeholder="dd\/mm\/aaaa"/);
    expect(done).toContain('data-testid="agendar"');
    expect(done).toContain('Agendar um horário');

    const bad = await t.request('/painel/agendar', {
      form: { data1: '2026-03-07', hora1: '10:00', data2: '2026-03-04', hora2: '12:30', data3: '2026-03-02', hora3: '08:30', observacao: 'x'.repeat(1001) },
      cookie: medico,
    });
    expect(bad.status).toBe(422);
    const badHtml = decode(await bad.text());
    expect(badHtml).toContain('Escolha um dia útil');
    expect(badHtml).toContain('entre 08:30 e 11:30 ou entre 13:30 e 17:30');
    expect(badHtml).toContain('no futuro');
    expect(badHtml).toContain('o máximo é 1000');
    const count = () =>
      db.scoped({ kind: 'platform' }, async (tx) => (await db.query<{ n: number }>(tx, sql`select count(*)::int as n from content.booking_requests`))[0]!.n);
    expect(await count()).toBe(0);

    const ok = await t.request('/painel/agendar', {
      form: { data1: '2026-03-04', hora1: '09:30', data2: '05/03/2026', hora2: '14:00', observacao: 'Dúvidas sobre faturamento.' },
      cookie: medico,
    });
    expect(ok.status).toBe(303);
    const sent = await (await t.request('/painel/agendar', { cookie: medico })).text();
    expect(sent).toContain('Pedido enviado');
    expect(sent).toContain('04/03/2026 09:30');
    expect(await count()).toBe(1);
    // The singular's admins and the platform admins are told in-app; the neighbour singular is not.
    const told = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ email: string; title: string; body: string; link: string }>(
        tx,
        sql`select u.email, n.title, n.body, n.link from notifications n join users u on u.id = n.user_id where n.kind = 'content.booking.new' order by u.email`,
      ),
    );
    expect(told.map((n) => n.email)).toEqual(['plataforma@demo.test', 'singular@demo.test']);
    expect(told[0]).toMatchObject({ title: 'Novo pedido de agendamento', link: '/conteudos/agendamentos?status=novo' });
    expect(told[0]!.body).toMatch(/^Dr\. Marcos Médico \(Clínica Demo \w+, id 100\d\) pediu uma conversa com o Sucesso do Cliente\. Horários preferidos: .*04\/03\/2026 09:30/);
    const after = await home();
    expect(after).toContain('data-testid="booking-status"');
    expect(after).toContain('Novo');
    // A second request while one is open is refused.
    const again = await t.request('/painel/agendar', { form: { data1: '2026-03-04', hora1: '10:00', data2: '2026-03-05', hora2: '10:00' }, cookie: medico });
    expect(again.status).toBe(422);
    expect(await count()).toBe(1);
  });

  it('lets customer success and the reseller admin follow and change the status; the user is told', async () => {
    const admin = await t.login('singular@demo.test');
    const list = await (await t.request('/conteudos/agendamentos', { cookie: admin })).text();
    expect(list).toContain('Dr. Marcos Médico');
    const action = /action="(\/conteudos\/agendamentos\/\d+\/\d+\/status)"/.exec(list)![1]!;

    const vizinha = await t.login('vizinha@demo.test');
    expect((await t.request('/conteudos/agendamentos', { cookie: vizinha })).status).toBe(200);
    expect(await (await t.request('/conteudos/agendamentos', { cookie: vizinha })).text()).not.toContain('Dr. Marcos Médico');
    expect((await t.request(action, { form: { status: 'cancelado' }, cookie: vizinha })).status).toBe(404);

    const platform = await t.login('plataforma@demo.test');
    const all = await (await t.request('/conteudos/agendamentos?status=novo', { cookie: platform })).text();
    expect(all).toContain('Singular Demo');
    expect((await t.request(action, { form: { status: 'invalido' }, cookie: admin })).status).toBe(303);
    const res = await t.request(action, { form: { status: 'agendado' }, cookie: platform });
    expect(res.status).toBe(303);
    expect(await home()).toContain('Agendado');
    const notes = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select({ title: schema.notifications.title }).from(schema.notifications).where(eq(schema.notifications.kind, 'content.booking')),
    );
    expect(notes.map((n) => n.title)).toEqual(['Seu pedido de agendamento está agendado']);
  });
});
