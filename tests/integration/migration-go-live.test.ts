/**
 * The go-live checklist (seed 004): saved by the requester or the team with each step's owner, marked
 * step by step, audited; bad input changes nothing; closing the migration is refused until it is done.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, startMigrationApp } from './migration-harness.ts';

describe.each(testDrivers())('the go-live checklist on %s', (driver) => {
  let t: MigrationTestApp;
  let gestor: string;
  let team: string;
  let support: string;
  let id: number;

  beforeAll(async () => {
    t = await startMigrationApp(driver);
    [gestor, team] = [await t.session('clinica@demo.test'), await t.session('migracao@demo.test')];
    support = await t.session('suporte@demo.test');
    // The demo's open request of base 1001, brought to "versão final executada" and the clinic's check done.
    const [r] = await platformRows<{ id: number }>(t, sql`select id from migration.requests where clinic_id = 1001 and state not in ('encerrada', 'cancelada') order by id limit 1`);
    id = Number(r!.id);
    await t.db.scoped({ kind: 'platform' }, (tx) =>
      t.db.query(tx, sql`update migration.requests set state = 'versao_final_executada', final_executed_at = now(), password_cipher = null, password_hint = null, plan = ${JSON.stringify({ strategy: 'base_inteira', cleanup: 'Apagar pacientes de teste\nUnificar convênios', manualActions: [{ what: 'Conferir agenda do dia', who: 'Recepção', when: 'No dia seguinte' }], wholeHistory: true, historyNote: '' })}::jsonb where id = ${id}`),
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const state = async () => (await platformRows<{ state: string; go_live: unknown }>(t, sql`select state, go_live from migration.requests where id = ${id}`))[0]!;
  const page = async (cookie: string) => (await t.request(`/p/migration/solicitacoes/${id}`, { cookie })).text();

  it('suggests steps from the plan: strategy, each clean-up line, manual actions, continuity and rollback', async () => {
    const html = await page(gestor);
    expect(html).toContain('Roteiro de go-live');
    expect(html).toContain('value="Executar a versão final: a base inteira de uma vez"');
    expect(html).toContain('value="Apagar pacientes de teste"');
    expect(html).toContain('value="Unificar convênios"');
    expect(html).toContain('value="Conferir agenda do dia"');
    expect(html).toContain('value="Recepção"');
  });

  it('refuses closing while the checklist is not done, with a pt-BR message, changing nothing', async () => {
    const res = await t.request(`/p/migration/solicitacoes/${id}/acoes/encerrar`, { cookie: gestor, form: {} });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('Conclua o roteiro de go-live');
    expect((await state()).state).toBe('versao_final_executada');
  });

  it('refuses an incomplete form (no rollback plan, a step without owner) and keeps nothing', async () => {
    const res = await t.request(`/p/migration/solicitacoes/${id}/go-live`, {
      cookie: gestor,
      form: { continuidade: 'papel', rollback: 'curto', passoQue: ['Executar'], passoTipo: ['estrategia'], passoQuem: [''], passoQuando: ['Hoje'] },
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('Descreva o plano de rollback');
    expect(html).toContain('Passo 1: preencha o quê, o responsável e quando');
    expect((await state()).go_live).toBeNull();
    // Support inside the base reads but never writes.
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live`, { cookie: support, form: {} })).status).not.toBe(303);
  });

  it('saves owners and states, marks each step, audits it, and then lets the clinic close', async () => {
    const form = {
      continuidade: 'papel',
      continuidadeNota: 'Fichas em papel na recepção',
      rollback: 'Se a conferência falhar, voltar ao sistema legado com o backup da véspera.',
      passoQue: ['Executar a versão final', 'Digitar as fichas de papel', ''],
      passoTipo: ['estrategia', 'continuidade', 'outro'],
      passoQuem: ['Equipe de migração', 'Recepção', ''],
      passoQuando: ['Sábado 20h', 'Segunda de manhã', ''],
    };
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live`, { cookie: gestor, form })).status).toBe(303);
    const saved = (await state()).go_live as { continuity: string; steps: Array<{ owner: string; done: boolean }> };
    expect(saved.continuity).toBe('papel');
    expect(saved.steps.map((s) => [s.owner, s.done])).toEqual([
      ['Equipe de migração', false],
      ['Recepção', false],
    ]);
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live/passos/0`, { cookie: team, form: { feito: 'sim' } })).status).toBe(303);
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live/passos/9`, { cookie: team, form: { feito: 'sim' } })).status).toBe(404);
    expect((await t.request(`/p/migration/solicitacoes/${id}/acoes/encerrar`, { cookie: gestor, form: {} })).status).toBe(422); // one step left
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live/passos/1`, { cookie: gestor, form: { feito: 'sim' } })).status).toBe(303);
    // Saving again keeps the done state of unchanged steps.
    expect((await t.request(`/p/migration/solicitacoes/${id}/go-live`, { cookie: gestor, form })).status).toBe(303);
    const html = await page(gestor);
    expect(html).toContain('Contingência em papel durante a migração — Fichas em papel na recepção');
    expect(html).toMatch(/Feito por [^<]+ em \d{2}\/\d{2}\/\d{4}/);
    const audit = await platformRows<{ action: string; details: { stepNumber?: number; done?: boolean; complete?: boolean } }>(
      t,
      sql`select action, details from audit_log where target = ${`migração #${id}`} and action like 'migration.golive.%' order by id`,
    );
    expect(audit.map((a) => [a.action, a.details.stepNumber ?? null, a.details.complete ?? null])).toEqual([
      ['migration.golive.saved', null, null],
      ['migration.golive.step', 1, false],
      ['migration.golive.step', 2, true],
      ['migration.golive.saved', null, null],
    ]);
    expect((await t.request(`/p/migration/solicitacoes/${id}/acoes/encerrar`, { cookie: gestor, form: {} })).status).toBe(303);
    expect((await state()).state).toBe('encerrada');
  });
});
