/**
 * Support plugin, tenant isolation and per-singular enablement, on both drivers: a base never sees
 * another base's tickets, another singular never sees them, a vendor agent never reaches (nor
 * downloads the attachments of) tickets routed to a singular's own team — in the routes and in the
 * database's row-level security —; turning the plugin off for Singular Vizinha hides it (nav, 404)
 * and turning it on again shows the same tickets.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { multipart, startSupportApp, type SupportTestApp, ticketIdOf } from './support-plugin-harness.ts';

const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const ticketIds = (html: string) => [...html.matchAll(/data-ticket="(\d+)"/g)].map((m) => Number(m[1])).sort((a, b) => a - b);

describe.each(testDrivers())('support plugin isolation on %s', (driver) => {
  let t: SupportTestApp;
  let demoId: number;
  let vizinhaId: number;

  beforeAll(async () => {
    t = await startSupportApp(driver, { now: '2026-03-10T14:00:00.000Z' });
    const rows = await t.db.query<{ id: number; code: string }>(t.db.owner, sql`select id::int, code from resellers`);
    demoId = rows.find((r) => r.code === '0101')!.id;
    vizinhaId = rows.find((r) => r.code === '0202')!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async (cookie: string, path: string) => {
    const res = await t.request(path, { cookie });
    return { status: res.status, html: await res.text() };
  };
  const openWithFile = async (cookie: string, subject: string) =>
    ticketIdOf(
      await t.request('/p/support/chamados', {
        cookie,
        body: multipart({ categoria: 'duvida', modulo: 'agenda', assunto: subject, mensagem: 'Detalhes no anexo.' }, [
          { field: 'anexos', name: 'foto.jpg', type: 'image/jpeg', bytes: jpeg },
        ]),
      }),
    );
  const attachmentOf = async (ticketId: number) =>
    (await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from support.attachments where ticket_id = ${ticketId}`))[0]!.id;

  it('keeps every table of the plugin under forced row-level security', async () => {
    const rows = await t.db.query<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      t.db.owner,
      sql`select c.relname, c.relrowsecurity, c.relforcerowsecurity from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'support' and c.relkind = 'r' order by c.relname`,
    );
    expect(rows.map((r) => r.relname)).toEqual(['attachments', 'cards', 'messages', 'plugin_state', 'ticket_events', 'tickets']);
    expect(rows.every((r) => r.relrowsecurity && r.relforcerowsecurity)).toBe(true);
  });

  it('a base never sees another base’s tickets (list, page, attachment)', async () => {
    const medico = await t.session('medico@demo.test');
    // Dr. Marcos works in 1001 and 1002: switch to Demo Norte (1002) and open a ticket there.
    expect((await t.request('/alterar-clinica', { cookie: medico, form: { base: '1002' } })).status).toBe(303);
    const norte = await openWithFile(medico, 'Ticket da Demo Norte');
    const clinica = await t.session('clinica@demo.test'); // gestora of 1001 only
    const list = await get(clinica, '/p/support/chamados?situacao=todas');
    expect(list.status).toBe(200);
    expect(ticketIds(list.html)).not.toContain(norte);
    expect(list.html).not.toContain('Ticket da Demo Norte');
    expect((await get(clinica, `/p/support/chamados/${norte}`)).status).toBe(404);
    expect((await get(clinica, `/p/support/anexos/${await attachmentOf(norte)}`)).status).toBe(404);
    expect((await t.request(`/p/support/chamados/${norte}/mensagens`, { cookie: clinica, body: multipart({ mensagem: 'intrusa' }) })).status).toBe(404);
    // Every ticket the gestora lists belongs to 1001.
    const bases = await t.db.query<{ clinic_id: number }>(
      t.db.owner,
      sql`select distinct clinic_id::int from support.tickets where id in ${sql.raw(`(${ticketIds(list.html).join(',') || '0'})`)}`,
    );
    expect(bases.map((b) => b.clinic_id)).toEqual([1001]);
    // The doctor sees it only while working in 1002.
    expect((await get(medico, `/p/support/chamados/${norte}`)).status).toBe(200);
    await t.request('/alterar-clinica', { cookie: medico, form: { base: '1001' } });
    expect((await get(medico, `/p/support/chamados/${norte}`)).status).toBe(404);
  });

  it('another singular’s admin never reaches the tickets, attachments or cards of Singular Demo', async () => {
    const clinica = await t.session('clinica@demo.test');
    const id = await openWithFile(clinica, 'Ticket privado da Demo Centro');
    const vizinha = await t.session('vizinha@demo.test');
    expect((await get(vizinha, `/p/support/chamados/${id}`)).status).toBe(404);
    expect((await get(vizinha, `/p/support/anexos/${await attachmentOf(id)}`)).status).toBe(404);
    expect(ticketIds((await get(vizinha, '/p/support/singular?fila=todos&situacao=todas')).html)).not.toContain(id);
    const csv = await (await t.request('/p/support/indicadores/csv?de=2026-01-01&ate=2026-03-10', { cookie: vizinha })).text();
    expect(csv).not.toContain('Singular Demo');
    const [card] = await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from support.cards where reseller_id = ${demoId} limit 1`);
    expect((await t.request(`/p/support/quadro/${card!.id}`, { cookie: vizinha, form: { coluna: 'recusado' } })).status).toBe(404);
  });

  it('a vendor agent never reaches tickets routed to the singular’s own team, nor their attachments', async () => {
    const admin = await t.session('singular@demo.test');
    await t.request('/p/support/configuracoes', { cookie: admin, form: { equipePropria: '1', textoTiss: 'Procure a operadora.', retencaoDias: '365' } });
    const clinica = await t.session('clinica@demo.test');
    const own = await openWithFile(clinica, 'Para a equipe da singular');
    await t.request('/p/support/configuracoes', { cookie: admin, form: { textoTiss: 'Procure a operadora.', retencaoDias: '365' } });
    const vendor = await openWithFile(clinica, 'Para o fornecedor');
    const agent = await t.session('suporte@demo.test');
    expect((await get(agent, `/p/support/chamados/${own}`)).status).toBe(404);
    expect((await get(agent, `/p/support/anexos/${await attachmentOf(own)}`)).status).toBe(404);
    expect((await get(agent, `/p/support/anexos/${await attachmentOf(vendor)}`)).status).toBe(200);
    expect(ticketIds((await get(agent, '/p/support/fila?situacao=todas')).html)).not.toContain(own);

    // The same holds in the database: the 'support' scope sees only the vendor queue.
    const agentId = (await t.db.query<{ id: number }>(t.db.owner, sql`select id::int from users where email = 'suporte@demo.test'`))[0]!.id;
    const seen = await t.db.scoped({ kind: 'support', userId: agentId }, (tx) =>
      t.db.query<{ queue: string; n: number }>(tx, sql`select queue, count(*)::int as n from support.tickets group by queue`),
    );
    expect(seen.map((r) => r.queue)).toEqual(['vendor']);
    const files = await t.db.scoped({ kind: 'support', userId: agentId }, (tx) =>
      t.db.query<{ n: number }>(tx, sql`select count(*)::int as n from support.attachments where ticket_id = ${own}`),
    );
    expect(files[0]?.n).toBe(0);
    const cards = await t.db.scoped({ kind: 'support', userId: agentId }, (tx) => t.db.query<{ n: number }>(tx, sql`select count(*)::int as n from support.cards`));
    expect(cards[0]?.n).toBe(0);
    // And a clinic scope cannot write a ticket for another base.
    await expect(
      t.db.scoped({ kind: 'clinic', resellerId: demoId, clinicId: 1001 }, (tx) =>
        tx.execute(sql`insert into support.tickets (reseller_id, clinic_id, clinic_name, reseller_name, opened_by_name, category, module, subject, queue, opened_at, updated_at)
                       values (${demoId}, 1002, 'x', 'x', 'x', 'duvida', 'agenda', 'x', 'vendor', now(), now())`),
      ),
    ).rejects.toThrow();
  });

  it('turned off for Singular Vizinha: its admin loses the menu and the URLs answer 404; turned on again: the same tickets', async () => {
    let vizinha = await t.session('vizinha@demo.test');
    const before = await get(vizinha, '/p/support/singular?fila=todos&situacao=todas');
    expect(before.status).toBe(200);
    const ids = ticketIds(before.html);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect((await get(vizinha, '/')).html).toContain('href="/p/support/singular"');

    const platform = await t.session('plataforma@demo.test');
    const off = await t.request(`/plataforma/plugins/support/singulares/${vizinhaId}`, { cookie: platform, form: { enabled: 'false' } });
    expect(off.status).toBe(303);

    vizinha = await t.session('vizinha@demo.test');
    const home = await get(vizinha, '/');
    expect(home.status).toBe(200);
    expect(home.html).not.toContain('/p/support/');
    for (const path of ['/p/support/singular', '/p/support/quadro', '/p/support/indicadores', '/p/support/configuracoes', `/p/support/chamados/${ids[0]}`]) {
      expect((await get(vizinha, path)).status, path).toBe(404);
    }
    // Singular Demo is not affected.
    const demo = await t.session('singular@demo.test');
    expect((await get(demo, '/p/support/singular')).status).toBe(200);
    expect((await get(demo, '/')).html).toContain('href="/p/support/singular"');

    const on = await t.request(`/plataforma/plugins/support/singulares/${vizinhaId}`, { cookie: platform, form: { enabled: 'true' } });
    expect(on.status).toBe(303);
    vizinha = await t.session('vizinha@demo.test');
    const after = await get(vizinha, '/p/support/singular?fila=todos&situacao=todas');
    expect(after.status).toBe(200);
    expect(ticketIds(after.html)).toEqual(ids);
  });
});
