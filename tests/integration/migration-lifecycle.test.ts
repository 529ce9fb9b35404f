/**
 * A migration request through its whole lifecycle over HTTP, with the app's fake clock: the gestor,
 * the singular's admin and the migration team each take their steps; every deadline is the one the
 * business-day rules give; the IT checklist gates "backup recebido"; the backup password is stored
 * encrypted, never shown back and erased at closing; every step is audited and notified.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, requestIdOf, startMigrationApp, validForm } from './migration-harness.ts';

describe.each(testDrivers())('a migration request from solicitada to encerrada on %s', (driver) => {
  let t: MigrationTestApp;
  let gestor: string;
  let admin: string;
  let team: string;
  let id: number;

  beforeAll(async () => {
    t = await startMigrationApp(driver); // Monday 02/03/2026 09:00 in Brasília
    await at('2026-03-02T09:00:00');
  });
  afterAll(async () => {
    await t.close();
  });

  /** Moves the fake clock and signs the three in again (a session lasts 12 hours at most). */
  const at = async (local: string) => {
    t.clock.set(new Date(`${local}-03:00`));
    [gestor, admin, team] = [await t.session('clinica@demo.test'), await t.session('singular@demo.test'), await t.session('migracao@demo.test')];
  };
  const act = (cookie: string, action: string, form: Record<string, string> = {}) => t.request(`/p/migration/solicitacoes/${id}/acoes/${action}`, { cookie, form });
  const row = async () => (await platformRows<Record<string, unknown>>(t, sql`select state, due_side, due_at, password_cipher, password_hint, validation_round from migration.requests where id = ${id}`))[0]!;
  const due = async () => {
    const r = await row();
    return [r.state, r.due_side, r.due_at ? new Date(r.due_at as string).toISOString() : null];
  };
  const page = async (cookie: string) => (await t.request(`/p/migration/solicitacoes/${id}`, { cookie })).text();

  it('walks every state with the deadline each rule gives', async () => {
    // The singular's admin opens it for base 1001 on Thursday 02/04 (Sexta-feira Santa follows).
    await at('2026-04-02T10:00:00');
    id = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: admin, form: validForm({ base: '1001', dataDisponivel: '08/04/2026' }) }));
    expect(await due()).toEqual(['solicitada', 'equipe', '2026-04-07T02:59:59.999Z']); // end of Monday 06/04

    // Only the team books; the gestor's attempt changes nothing.
    expect((await act(gestor, 'agendar_extracao', { data: '08/04/2026', hora: '08:00' })).status).toBe(422);
    await at('2026-04-06T11:00:00');
    expect((await act(team, 'agendar_extracao', { data: '08/04/2026', hora: '08:00' })).status).toBe(303);
    expect(await due()).toEqual(['extracao_agendada', 'clinica', '2026-04-08T11:00:00.000Z']);
    expect(await page(gestor)).toContain('08/04/2026 08:00');

    // The gestor asks to reschedule; the team answers within 1 business day.
    await at('2026-04-07T18:00:00');
    expect((await act(gestor, 'pedir_reagendamento', { data: '13/04/2026', de: '08:00', ate: '11:00', nota: 'Clínica fechada dia 8' })).status).toBe(303);
    expect(await due()).toEqual(['extracao_agendada', 'equipe', '2026-04-09T02:59:59.999Z']);
    expect(await page(team)).toContain('pediu o reagendamento');
    await at('2026-04-08T09:00:00');
    expect((await act(team, 'reagendar_extracao', { data: '13/04/2026', hora: '08:00' })).status).toBe(303);
    expect(await due()).toEqual(['extracao_agendada', 'clinica', '2026-04-13T11:00:00.000Z']);

    // The backup cannot be registered before the IT checklist.
    await at('2026-04-13T15:00:00');
    const early = await act(team, 'registrar_backup');
    expect(early.status).toBe(422);
    expect(await early.text()).toContain('Preencha a checagem de TI do backup');
    expect((await row()).state).toBe('extracao_agendada');
    const missing = await t.request(`/p/migration/solicitacoes/${id}/checagem`, { cookie: admin, form: { todasTabelas: 'sim', precisaSenha: 'sim', prazoLink: 'sim' } });
    expect(missing.status).toBe(422);
    const missingHtml = await missing.text();
    expect(missingHtml).toContain('Informe a senha do backup');
    expect(missingHtml).toContain('Informe o prazo do link de hospedagem');
    expect((await row()).password_cipher).toBeNull();
    const saved = await t.request(`/p/migration/solicitacoes/${id}/checagem`, {
      cookie: admin,
      form: { todasTabelas: 'sim', precisaSenha: 'sim', senha: 'Backup#Segredo-2026', prazoLink: 'sim', dataLink: '30/04/2026' },
    });
    expect(saved.status).toBe(303);
    const stored = await row();
    expect(String(stored.password_cipher)).toMatch(/^v1\./);
    expect(String(stored.password_cipher)).not.toContain('Segredo');
    for (const cookie of [gestor, admin, team]) {
      const html = await page(cookie);
      expect(html).not.toContain('Backup#Segredo-2026');
      expect(html).toContain('••••••••••••6 (19 caracteres)');
    }
    expect((await act(team, 'registrar_backup')).status).toBe(303);
    // Monday 13/04 + 3 business days → Thursday 16/04.
    expect(await due()).toEqual(['backup_recebido', 'equipe', '2026-04-17T02:59:59.999Z']);
    expect((await act(team, 'iniciar_analise')).status).toBe(303);
    expect(await due()).toEqual(['analise_viabilidade', 'equipe', '2026-04-17T02:59:59.999Z']);
    await at('2026-04-16T10:00:00');
    expect((await act(team, 'enviar_parecer', { viavel: 'sim', data: '24/04/2026', nota: 'Backup legível.' })).status).toBe(303);
    expect(await due()).toEqual(['analise_viabilidade', 'equipe', '2026-04-25T02:59:59.999Z']);

    // Version 1, adjustments (3 business days across Tiradentes), version 2, approval.
    await at('2026-04-17T10:00:00');
    expect((await act(team, 'publicar_validacao')).status).toBe(303);
    expect(await due()).toEqual(['versao_validacao', 'clinica', '2026-05-03T02:59:59.999Z']); // open 15 days
    expect(await page(gestor)).toContain('Versão de validação 1');
    await at('2026-04-20T10:00:00');
    expect((await act(gestor, 'pedir_ajustes', { nota: 'Convênios duplicados.' })).status).toBe(303);
    expect(await due()).toEqual(['ajustes', 'equipe', '2026-04-25T02:59:59.999Z']); // Tue 21/04 is Tiradentes: 22, 23, 24 → end of Friday 24/04
    await at('2026-04-23T10:00:00');
    expect((await act(team, 'publicar_validacao')).status).toBe(303);
    expect((await row()).validation_round).toBe(2);
    await at('2026-04-24T16:00:00');
    // Each publication created a version and its load job: the jobs open them (no confirmed file: empty versions).
    await t.host.scheduler.tickOnce();
    const versionsOf = await platformRows<{ number: number; state: string }>(t, sql`select number, state from migration.versions where request_id = ${id} order by number`);
    expect(versionsOf).toEqual([
      { number: 1, state: 'aberta' },
      { number: 2, state: 'aberta' },
    ]);
    // Approval is the gestor's "Aprovo esta versão" on the latest version's test report (nothing staged: no samples).
    expect((await act(admin, 'aprovar')).status).toBe(422);
    expect((await t.request(`/p/migration/solicitacoes/${id}/versoes/1/relatorio/aprovar`, { cookie: gestor, form: {} })).status).toBe(422); // not the latest
    expect((await t.request(`/p/migration/solicitacoes/${id}/versoes/2/relatorio/aprovar`, { cookie: gestor, form: {} })).status).toBe(303);
    expect(await due()).toEqual(['aprovada', 'equipe', '2026-04-28T02:59:59.999Z']); // Friday → end of Monday 27/04

    // Final version: booked, executed, two weeks to check, closed by the gestor.
    await at('2026-04-27T09:00:00');
    expect((await act(team, 'agendar_final', { data: '30/04/2026', hora: '20:00' })).status).toBe(303);
    expect(await due()).toEqual(['versao_final_agendada', 'equipe', '2026-04-30T23:00:00.000Z']);
    await at('2026-04-30T22:00:00');
    expect((await act(team, 'executar_final')).status).toBe(303);
    expect(await due()).toEqual(['versao_final_executada', 'clinica', '2026-05-15T02:59:59.999Z']);
    expect((await act(team, 'encerrar')).status).toBe(422); // the team waits for the check window
    await at('2026-05-05T10:00:00');
    // Closing needs the go-live checklist done: refused (pt-BR, nothing changed) until its one step is marked.
    const earlyClose = await act(gestor, 'encerrar');
    expect(earlyClose.status).toBe(422);
    expect(await earlyClose.text()).toContain('Conclua o roteiro de go-live');
    expect((await row()).state).toBe('versao_final_executada');
    const goLive = { continuidade: 'digital', rollback: 'Voltar ao sistema legado com o backup da véspera.', passoQue: 'Conferir agenda', passoTipo: 'manual', passoQuem: 'Clínica', passoQuando: 'Dia seguinte' };
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live`, { cookie: gestor, form: goLive })).status).toBe(303);
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live/passos/0`, { cookie: team, form: { feito: 'sim' } })).status).toBe(303);
    expect((await act(gestor, 'encerrar')).status).toBe(303);
    const closed = await row();
    expect([closed.state, closed.due_at, closed.password_cipher, closed.password_hint]).toEqual(['encerrada', null, null, null]);
    expect(await page(gestor)).toContain('senha apagada no encerramento');
  });

  it('audited every step with who and when, notified the other side, and keeps the timeline', async () => {
    const audit = await platformRows<{ action: string; details: { step?: string; to?: string; passwordErased?: boolean } }>(
      t,
      sql`select action, details from audit_log where target = ${`migração #${id}`} order by id`,
    );
    const steps = audit.filter((a) => a.action === 'migration.request.action').map((a) => a.details.step);
    expect(steps).toEqual([
      'agendar_extracao',
      'pedir_reagendamento',
      'reagendar_extracao',
      'registrar_backup',
      'iniciar_analise',
      'enviar_parecer',
      'publicar_validacao',
      'pedir_ajustes',
      'publicar_validacao',
      'agendar_final',
      'executar_final',
      'encerrar',
    ]);
    expect(audit.at(-1)!.details.passwordErased).toBe(true);
    expect(audit.map((a) => a.action)).toContain('migration.checklist.saved');
    expect(audit.map((a) => a.action)).toContain('migration.version.approved'); // "Aprovo esta versão", between the versions and the final one
    const notified = await platformRows<{ email: string; n: number }>(
      t,
      sql`select u.email, count(*)::int as n from notifications n join users u on u.id = n.user_id where n.link = ${`/p/migration/solicitacoes/${id}`} group by u.email order by u.email`,
    );
    expect(notified.map((n) => n.email)).toEqual(['clinica@demo.test', 'migracao@demo.test', 'singular@demo.test']);
    const timeline = await (await t.request(`/p/migration/solicitacoes/${id}`, { cookie: gestor })).text();
    expect(timeline.match(/<li>\s*<strong>/g)?.length ?? 0).toBeGreaterThanOrEqual(14);
    expect(timeline).toContain('Encerrada');
  });
});
