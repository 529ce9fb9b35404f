import { type Database, schema, verifyAuditChain } from '@painel/core/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import {
  baseRoutes,
  eventKinds,
  grantsOf,
  hour,
  platformRows,
  probeApp,
  resellerOf,
  sessionIdOf,
  snapshot,
} from './support-access-helpers.ts';

describe.each(testDrivers())('support access grants on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let gestor: string;
  let agent: string;

  beforeEach(async () => {
    db = await openTestDatabase(driver);
    t = await probeApp(db);
    gestor = await t.session('clinica@demo.test');
    agent = await t.session('suporte@demo.test');
  });
  afterEach(async () => {
    await db.close();
  });

  const grant = (form: Record<string, string>, cookie = gestor) => t.request('/acesso-suporte/conceder', { cookie, form });
  const revoke = (id: number | string, cookie = gestor) => t.request('/acesso-suporte/revogar', { cookie, form: { acesso: String(id) } });
  const enter = (clinicId: number, cookie = agent) => t.request('/suporte/bases/entrar', { cookie, form: { base: String(clinicId) } });
  const page = async (path: string, cookie: string) => (await t.request(path, { cookie })).text();
  /** Revokes the demo grant of 1001 and grants a fresh one; returns its id. */
  const freshGrant = async (duracao = '1h', motivo = 'Chamado #1') => {
    const demo = (await grantsOf(db, 1001)).find((g) => !g.ended_at)!;
    expect((await revoke(demo.id)).status).toBe(303);
    expect((await grant({ duracao, motivo })).status).toBe(303);
    return (await grantsOf(db, 1001)).find((g) => !g.ended_at)!;
  };

  it('demo access history names only screens that exist: every row matches a registered route, and its GET pages open', async () => {
    const rows = await platformRows<{ method: string; path: string; screen: string }>(db, sql`select method, path, screen from support_access.access_log order by id`);
    expect(rows.length).toBeGreaterThan(0);
    const pattern = (path: string) =>
      new RegExp(`^${path.replace(/:\w+\{([^}]+)\}/g, '($1)').replace(/:\w+/g, '[^/]+')}$`);
    const unknown = rows.filter((r) => !t.routes.some((route) => route.method === r.method && pattern(route.path).test(r.path)));
    expect(unknown).toEqual([]);
    const platform = await t.login('plataforma@demo.test');
    for (const row of rows.filter((r) => r.method === 'GET')) {
      expect([row.path, (await t.request(row.path, { cookie: platform })).status]).toEqual([row.path, 200]);
    }
  });

  it('starts with the demo grant on Clínica Demo Centro only, visible to support through RLS', async () => {
    const html = await page('/suporte/bases', agent);
    expect(html).toContain('Bases com acesso liberado');
    expect(html).toContain('Clínica Demo Centro');
    expect(html).toContain('Chamado #4821 — erro ao emitir guia TISS');
    expect(html).not.toContain('Clínica Demo Norte');
    const agentId = (await platformRows<{ id: number }>(db, sql`select id from users where email = 'suporte@demo.test'`))[0]!.id;
    const visible = await db.scoped({ kind: 'support', userId: Number(agentId) }, async (tx) => {
      return {
        clinics: (await tx.select({ id: schema.clinics.id }).from(schema.clinics)).map((r) => r.id),
        memberships: (await tx.select().from(schema.memberships)).length,
        log: await db.query(tx, sql`select * from support_access.access_log`),
      };
    });
    expect(visible).toEqual({ clinics: [1001], memberships: 0, log: [] });
    const gestorPage = await page('/acesso-suporte', gestor);
    expect(gestorPage).toContain('Carla Gestora');
    expect(gestorPage).toContain('data-countdown-to="2026-03-03T10:00:00.000Z"');
    expect(gestorPage).toMatch(/Bases clínicas<br\/><span class="muted small mono">\/bases<\/span>[\s\S]*?sem permissão/);
    expect(gestorPage).toContain('Revogar acesso');
  });

  it('refuses every route of a base to support without a grant (Demo Norte), mid-session too', async () => {
    const refused = await enter(1002);
    expect(refused.status).toBe(303);
    expect(await page('/suporte/bases', agent)).toContain('não tem acesso liberado');
    for (const path of baseRoutes.slice(0, 4)) expect((await t.request(path, { cookie: agent })).status).toBe(403);
    // Even with a session forced onto the base, nothing of it is served and the session is cleared.
    const northReseller = await resellerOf(db, 1002);
    for (const path of baseRoutes) {
      await t.services.sessions.update(sessionIdOf(agent), { activeResellerId: northReseller, activeClinicId: 1002 });
      const res = await t.request(path, { cookie: agent });
      expect(res.status, path).toBe(403);
      expect(await res.text()).toContain('O acesso de suporte a esta base terminou');
    }
    const [session] = await db.scoped({ kind: 'auth' }, (tx) =>
      tx.select().from(schema.sessions).where(eq(schema.sessions.id, sessionIdOf(agent))),
    );
    expect(session?.activeClinicId).toBeNull();
  });

  it('lets support into general and personal screens through a grant, never ehr; logs and audits each request', async () => {
    const res = await enter(1001);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const home = await page('/', agent);
    expect(home).toContain('Acesso de suporte — expira em');
    expect(home).toContain('data-countdown-to="2026-03-03T10:00:00.000Z"');
    expect(home).toContain('03/03/2026 07:00');
    expect(home).toContain('Sair da base');
    expect(await page('/teste-sa/geral', agent)).toBe('geral');
    expect(await page('/teste-sa/pessoal', agent)).toBe('pessoal');
    expect(await page('/teste-sa/clinicas', agent)).toBe('1001');
    const ehr = await t.request('/teste-sa/prontuario', { cookie: agent });
    expect(ehr.status).toBe(403);
    const ehrHtml = await ehr.text();
    expect(ehrHtml).toContain('Prontuário indisponível para este acesso');
    expect(ehrHtml).toContain('acesso remoto');
    expect(ehrHtml).toContain('LGPD');

    const log = await platformRows<{ screen: string; outcome: string; reason: string | null; agent_email: string }>(
      db,
      sql`select screen, outcome, reason, agent_email from support_access.access_log where clinic_id = 1001 and at >= ${t.clock.now().toISOString()}::timestamptz order by id`,
    );
    expect(log.map((r) => [r.screen, r.outcome, r.reason])).toEqual([
      ['Entrada na base', 'allowed', null],
      ['Início', 'allowed', null],
      ['Tela geral de teste', 'allowed', null],
      ['Tela pessoal de teste', 'allowed', null],
      ['Clínicas visíveis', 'allowed', null],
      ['Prontuário de teste', 'denied', 'ehr'],
    ]);
    expect(new Set(log.map((r) => r.agent_email))).toEqual(new Set(['suporte@demo.test']));
    const audit = await platformRows<{ action: string; outcome: string; acting_for: string | null; target: string }>(
      db,
      sql`select action, outcome, acting_for, target from audit_log where clinic_id = 1001 and action in ('support.request', 'access.denied', 'support.enter') order by id`,
    );
    expect(audit).toContainEqual({ action: 'support.enter', outcome: 'allowed', acting_for: 'suporte na base 1001', target: expect.stringMatching(/^grant:/) });
    expect(audit).toContainEqual({ action: 'support.request', outcome: 'allowed', acting_for: 'suporte na base 1001', target: 'GET /teste-sa/geral' });
    expect(audit).toContainEqual({ action: 'support.request', outcome: 'denied', acting_for: 'suporte na base 1001', target: 'GET /teste-sa/prontuario' });
    expect(audit).toContainEqual({ action: 'access.denied', outcome: 'denied', acting_for: 'suporte na base 1001', target: 'GET /teste-sa/prontuario' });

    const gestorPage = await page('/acesso-suporte?resultado=denied', gestor);
    expect(gestorPage).toContain('Prontuário de teste');
    expect(gestorPage).not.toContain('Tela geral de teste');
  });

  it('refuses ehr to reseller and platform admins too, while a clinical member reaches it', async () => {
    const reseller = await resellerOf(db, 1001);
    for (const email of ['singular@demo.test', 'plataforma@demo.test']) {
      const cookie = await t.login(email);
      await t.services.sessions.update(sessionIdOf(cookie), { activeResellerId: reseller, activeClinicId: 1001 });
      expect(await page('/teste-sa/geral', cookie)).toBe('geral');
      const res = await t.request('/teste-sa/prontuario', { cookie });
      expect(res.status, email).toBe(403);
      expect(await res.text()).toContain('Prontuário indisponível para este acesso');
    }
    const doctor = await t.session('medico@demo.test');
    expect(await page('/teste-sa/prontuario', doctor)).toBe('prontuario');
    expect((await t.request('/teste-sa/prontuario', { cookie: gestor })).status).toBe(403);
  });

  it('a grant for base A gives nothing on base B', async () => {
    await enter(1001);
    expect(await page('/teste-sa/clinicas', agent)).toBe('1001');
    expect((await enter(1002)).status).toBe(303);
    expect(await page('/', agent)).toContain('Clínica Demo Centro');
    const [session] = await db.scoped({ kind: 'auth' }, (tx) =>
      tx.select().from(schema.sessions).where(eq(schema.sessions.id, sessionIdOf(agent))),
    );
    expect(session?.activeClinicId).toBe(1001);
    // Pointing the session at base B (same reseller) while A's grant is active still gets nothing.
    await t.services.sessions.update(sessionIdOf(agent), { activeClinicId: 1002 });
    const res = await t.request('/teste-sa/geral', { cookie: agent });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('O acesso de suporte a esta base terminou');
    expect((await t.request('/teste-sa/clinicas', { cookie: agent })).status).toBe(403);
    // …and support cannot read or change the base's grant records even from inside the base.
    await enter(1001);
    expect((await revoke((await grantsOf(db, 1001))[0]!.id, agent)).status).toBe(403);
    expect((await t.request('/acesso-suporte', { cookie: agent })).status).toBe(403);
  });

  it('ends a grant exactly at its end instant: one second before allowed, at the end refused', async () => {
    const start = t.clock.now();
    const fresh = await freshGrant('1h');
    expect(fresh.ends_at.getTime()).toBe(start.getTime() + hour);
    await enter(1001);
    t.clock.set(new Date(start.getTime() + hour - 1000));
    expect(await page('/teste-sa/geral', agent)).toBe('geral');
    t.clock.set(new Date(start.getTime() + hour));
    const ended = await t.request('/teste-sa/geral', { cookie: agent });
    expect(ended.status).toBe(403);
    const html = await ended.text();
    expect(html).toContain('O acesso de suporte a esta base terminou');
    expect(html).toContain('terminou em 02/03/2026 10:00');
    expect(await page('/', agent)).not.toContain('Acesso de suporte — expira em');
    expect((await t.request('/teste-sa/geral', { cookie: agent })).status).toBe(403);
    const closed = (await grantsOf(db, 1001)).find((g) => g.id === fresh.id)!;
    expect(closed.end_reason).toBe('expired');
    expect(closed.ended_at?.getTime()).toBe(start.getTime() + hour);
    expect(await eventKinds(db, 1001)).toEqual(['granted', 'revoked', 'granted', 'expired']);
    expect(await page('/suporte/bases', agent)).not.toContain('Clínica Demo Centro');
    t.clock.set(new Date(start.getTime() + hour + 1000));
    expect((await enter(1001)).status).toBe(303);
    expect((await t.request('/teste-sa/geral', { cookie: agent })).status).toBe(403);
  });

  it('asks to extend or replace when a grant is active; extends, caps at 7 days, replaces — saying which', async () => {
    const start = t.clock.now();
    const fresh = await freshGrant('1d');
    const before = await snapshot(db);
    const ask = await grant({ duracao: '4h', motivo: 'de novo' });
    expect(ask.status).toBe(409);
    const askHtml = await ask.text();
    expect(askHtml).toContain('Já existe um acesso ativo até 03/03/2026 09:00');
    expect(askHtml).toContain('Prorrogar');
    expect(askHtml).toContain('Substituir');
    expect(await snapshot(db)).toBe(before);

    expect((await grant({ duracao: '3d', modo: 'prorrogar', acesso: String(fresh.id) })).status).toBe(303);
    expect(await page('/acesso-suporte', gestor)).toContain('Acesso prorrogado: o suporte pode entrar até 06/03/2026 09:00.');
    let [open] = (await grantsOf(db, 1001)).filter((g) => !g.ended_at);
    expect(open!.id).toBe(fresh.id);
    expect(open!.ends_at.getTime()).toBe(start.getTime() + 4 * 24 * hour);

    expect((await grant({ duracao: '7d', modo: 'prorrogar', acesso: String(fresh.id) })).status).toBe(303);
    expect(await page('/acesso-suporte', gestor)).toContain('limitado a 7 dias a partir de agora');
    [open] = (await grantsOf(db, 1001)).filter((g) => !g.ended_at);
    expect(open!.ends_at.getTime()).toBe(start.getTime() + 7 * 24 * hour);

    t.clock.advance(2 * hour);
    expect((await grant({ duracao: '4h', modo: 'substituir', acesso: String(fresh.id), motivo: 'Chamado #2' })).status).toBe(303);
    expect(await page('/acesso-suporte', gestor)).toContain('Acesso substituído: o novo acesso vai até 02/03/2026 15:00.');
    const all = await grantsOf(db, 1001);
    expect(all.find((g) => g.id === fresh.id)?.end_reason).toBe('replaced');
    const replacement = all.find((g) => !g.ended_at)!;
    expect(replacement.ends_at.getTime()).toBe(start.getTime() + 6 * hour);
    expect(await eventKinds(db, 1001)).toEqual(['granted', 'revoked', 'granted', 'extended', 'extended', 'replaced']);

    // The replaced grant's id is now stale: extending it changes nothing.
    const stale = await snapshot(db);
    expect((await grant({ duracao: '1h', modo: 'prorrogar', acesso: String(fresh.id) })).status).toBe(303);
    expect(await page('/acesso-suporte', gestor)).toContain('O acesso mostrado na página mudou');
    expect(await snapshot(db)).toBe(stale);
  });

  it('refuses bad input and other bases’ grants without changing anything', async () => {
    const vizinha = await resellerOf(db, 2001);
    const gestorId = Number((await platformRows<{ id: number }>(db, sql`select id from users where email = 'clinica@demo.test'`))[0]!.id);
    const [foreign] = await platformRows<{ id: number }>(
      db,
      sql`insert into support_access.grants (reseller_id, clinic_id, granted_by_user_id, granted_by_name, granted_by_email, duration, starts_at, ends_at, created_at)
          values (${vizinha}, 2001, ${gestorId}, 'Outra', 'outra@demo.test', '1d', ${t.clock.now().toISOString()}::timestamptz, ${new Date(t.clock.now().getTime() + 24 * hour).toISOString()}::timestamptz, ${t.clock.now().toISOString()}::timestamptz) returning id`,
    );
    const demo = (await grantsOf(db, 1001)).find((g) => !g.ended_at)!;
    const before = await snapshot(db);

    for (const duracao of ['8d', '0', '', '2h', 'indefinido', '30d', '7D']) {
      const res = await grant({ duracao, modo: 'prorrogar', acesso: String(demo.id) });
      expect(res.status, duracao).toBe(422);
      expect(await res.text()).toContain('Escolha uma das durações: 1 hora, 4 horas, 1 dia, 3 dias ou 7 dias.');
    }
    const long = await grant({ duracao: '1h', motivo: 'x'.repeat(201), modo: 'prorrogar', acesso: String(demo.id) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('O motivo deve ter no máximo 200 caracteres.');
    expect((await grant({ duracao: '1h', modo: 'para-sempre', acesso: String(demo.id) })).status).toBe(422);

    expect((await revoke(foreign!.id)).status).toBe(404);
    expect((await grant({ duracao: '1h', modo: 'prorrogar', acesso: String(foreign!.id) })).status).toBe(404);
    expect((await revoke('1 or 1=1')).status).toBe(404);
    expect((await t.request('/acesso-suporte/revogar', { cookie: gestor, form: {} })).status).toBe(404);
    for (const email of ['medico@demo.test', 'singular@demo.test', 'plataforma@demo.test']) {
      const cookie = await t.login(email);
      expect((await revoke(demo.id, cookie)).status, email).toBe(403);
      expect((await grant({ duracao: '7d', modo: 'prorrogar', acesso: String(demo.id) }, cookie)).status, email).toBe(403);
    }
    expect((await revoke(demo.id, agent)).status).toBe(403);
    expect(await snapshot(db)).toBe(before);
  });

  it('records grant, use, denial and revocation in the history and the audit log; the chain still verifies', async () => {
    const fresh = await freshGrant('4h', 'Chamado #77');
    await enter(1001);
    await page('/teste-sa/geral', agent);
    await t.request('/teste-sa/prontuario', { cookie: agent });
    expect((await revoke(fresh.id)).status).toBe(303);
    expect(await page('/acesso-suporte', gestor)).toContain('Acesso revogado.');
    const refused = await t.request('/teste-sa/geral', { cookie: agent });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('A clínica revogou o acesso à base Clínica Demo Centro (id 1001)');

    const html = await page('/acesso-suporte', gestor);
    expect(html).toContain('Nenhum acesso ativo');
    for (const text of ['Concedido', 'Revogado', 'Chamado #77', 'Tela geral de teste', 'Prontuário de teste', 'acesso encerrado']) {
      expect(html).toContain(text);
    }
    const actions = (
      await platformRows<{ action: string; outcome: string }>(db, sql`select action, outcome from audit_log where clinic_id = 1001 order by id`)
    ).map((r) => `${r.action}:${r.outcome}`);
    for (const expected of [
      'support.grant.revoked:allowed',
      'support.grant.granted:allowed',
      'support.enter:allowed',
      'support.grant.first_use:allowed',
      'support.request:allowed',
      'support.request:denied',
      'access.denied:denied',
    ]) {
      expect(actions).toContain(expected);
    }
    expect(actions.filter((a) => a === 'support.grant.revoked:allowed')).toHaveLength(2);
    expect(actions.at(-1)).toBe('support.request:denied');
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('notifies the gestores the first time a grant is used, once', async () => {
    await freshGrant('1h');
    const gestorId = Number((await platformRows<{ id: number }>(db, sql`select id from users where email = 'clinica@demo.test'`))[0]!.id);
    const count = async () =>
      (
        await db.scoped({ kind: 'platform' }, (tx) =>
          tx
            .select()
            .from(schema.notifications)
            .where(and(eq(schema.notifications.userId, gestorId), eq(schema.notifications.kind, 'support_access.first_use'))),
        )
      ).length;
    const before = await count(); // the demo grant's own first use is already there
    await enter(1001);
    await page('/teste-sa/geral', agent);
    await page('/teste-sa/pessoal', agent);
    expect(await count()).toBe(before + 1);
    const bell = await page('/notificacoes', gestor);
    expect(bell).toContain('O suporte começou a usar o acesso à sua base');
    expect(bell).toContain('Sérgio Suporte entrou na base Clínica Demo Centro (id 1001)');
  });

  it('exports the access log as CSV (;, UTF-8 BOM) with the screen filters', async () => {
    await enter(1001);
    await page('/teste-sa/geral', agent);
    await t.request('/teste-sa/prontuario', { cookie: agent });
    const res = await t.request('/acesso-suporte/acessos.csv', { cookie: gestor });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('acessos-suporte-base-1001');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('Data e hora (Brasília);Atendente;E-mail do atendente;Tela;Método;Caminho;Resultado;Motivo da recusa;Status HTTP');
    expect(lines.some((l) => l.includes(';Tela geral de teste;GET;/teste-sa/geral;Permitido;;200'))).toBe(true);
    expect(lines.some((l) => l.includes(';Prontuário de teste;GET;/teste-sa/prontuario;Recusado;prontuário (LGPD);403'))).toBe(true);
    expect(lines.some((l) => l.includes(';Bases clínicas;GET;/bases;Recusado;sem permissão;403'))).toBe(true);
    // No reason is written as its code.
    expect(lines.map((l) => l.split(';')[7]).filter((r) => /^(ehr|policy|grant_ended|not_found)$/.test(r ?? ''))).toEqual([]);
    expect(lines.length).toBe(1 + 6 + 3);
    const denied = await (await t.request('/acesso-suporte/acessos.csv?resultado=denied', { cookie: gestor })).text();
    expect(denied.trimEnd().split('\r\n')).toHaveLength(1 + 2);
    const none = await (await t.request('/acesso-suporte/acessos.csv?de=2026-03-04', { cookie: gestor })).text();
    expect(none.trimEnd().split('\r\n')).toHaveLength(1);
    expect((await t.request('/acesso-suporte/acessos.csv', { cookie: agent })).status).toBe(403);
    expect(await page('/acesso-suporte?de=31/02/2026', gestor)).toContain('Data inválida em &quot;De&quot;: use o formato dd/mm/aaaa.');
  });

  it('runs the request flow: ask, notify the gestores, approve with 1 dia pre-filled, decline, expire after 24 h', async () => {
    const ask = (base: string, motivo: string) => t.request('/suporte/solicitar', { cookie: agent, form: { base, motivo } });
    const already = await ask('1001', 'Chamado #9');
    expect(already.status).toBe(422);
    expect(await already.text()).toContain('já liberou acesso ao suporte');
    expect(await (await ask('1002', 'Chamado #9')).text()).toContain('não tem gestor cadastrado');
    expect(await (await ask('999999', 'Chamado #9')).text()).toContain('Não encontramos uma base ativa com o id 999999');
    expect(await (await ask('abc', '')).text()).toContain('Informe o id da base');

    const demo = (await grantsOf(db, 1001)).find((g) => !g.ended_at)!;
    await revoke(demo.id);
    expect((await ask('1001', 'Chamado #9 — agenda')).status).toBe(303);
    expect(await page('/suporte/solicitar', agent)).toContain('Aguardando resposta');
    expect((await ask('1001', 'Chamado #9 — de novo')).status).toBe(422);
    expect(await page('/notificacoes', gestor)).toContain('Sérgio Suporte pediu acesso à Clínica Demo Centro (id 1001)');
    const gestorPage = await page('/acesso-suporte', gestor);
    expect(gestorPage).toContain('Chamado #9 — agenda');
    expect(gestorPage).toMatch(/id="req-\d+-1d"[^>]*checked/);
    const [request] = await platformRows<{ id: number }>(db, sql`select id from support_access.access_requests order by id desc limit 1`);
    const approve = await t.request(`/acesso-suporte/pedidos/${request!.id}/aprovar`, { cookie: gestor, form: { duracao: '1d' } });
    expect(approve.status).toBe(303);
    expect(await page('/acesso-suporte', gestor)).toContain('Pedido aprovado. Acesso concedido ao suporte até 03/03/2026 09:00.');
    const open = (await grantsOf(db, 1001)).find((g) => !g.ended_at)!;
    expect(open.ends_at.getTime()).toBe(t.clock.now().getTime() + 24 * hour);
    expect(await page('/suporte/solicitar', agent)).toContain('Aprovada');
    expect(await page('/notificacoes', agent)).toContain('Pedido de acesso aprovado: base 1001');
    expect((await t.request(`/acesso-suporte/pedidos/${request!.id}/aprovar`, { cookie: gestor, form: { duracao: '7d' } })).status).toBe(303);
    expect(await page('/acesso-suporte', gestor)).toContain('Este pedido já foi respondido');

    await revoke(open.id);
    await ask('1001', 'Chamado #10');
    const [second] = await platformRows<{ id: number }>(db, sql`select id from support_access.access_requests order by id desc limit 1`);
    expect((await t.request(`/acesso-suporte/pedidos/${second!.id}/recusar`, { cookie: gestor, form: {} })).status).toBe(303);
    expect(await page('/suporte/solicitar', agent)).toContain('Recusada');

    await ask('1001', 'Chamado #11');
    const [third] = await platformRows<{ id: number }>(db, sql`select id from support_access.access_requests order by id desc limit 1`);
    t.clock.advance(24 * hour);
    expect(await page('/acesso-suporte', gestor)).toContain('Expirada');
    const before = await snapshot(db);
    await t.request(`/acesso-suporte/pedidos/${third!.id}/aprovar`, { cookie: gestor, form: { duracao: '1d' } });
    expect(await page('/acesso-suporte', gestor)).toContain('Este pedido expirou');
    expect(await snapshot(db)).toBe(before);
    expect(await page('/suporte/solicitar', agent)).toContain('Expirada');
    expect((await t.request('/acesso-suporte/pedidos/999999/aprovar', { cookie: gestor, form: { duracao: '1d' } })).status).toBe(404);
  });
});
