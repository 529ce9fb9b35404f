import { type Actor, HttpError, isoCalendarDate, parseCalendarDate, type PluginRouter } from '@painel/core/plugin';
import { and, eq } from 'drizzle-orm';
import { localInstant } from '../deadlines/business-days.ts';
import { requests } from '../db/schema.ts';
import { ACTION_KEYS, ACTIONS, type ActionInput, type ActionKey, applyAction } from '../domain/lifecycle.ts';
import { stateLabel } from '../domain/states.ts';
import { isOneOf, STRATEGIES, TEST_KINDS, type ManualAction, type PlanValue, type TestKind, type TestPlanValue } from '../domain/vocabulary.ts';
import { authorOf, type Ctx, type Env, field, fields, type Form, formOf, idParam } from '../http/request.ts';
import { notifyParticipants, notifyTeam } from '../notify.ts';
import { P } from '../permissions.ts';
import { passwordHint } from '../secrets/secret-box.ts';
import { lifecycleOf, saveLifecycle } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { requestView } from './request-view.tsx';
import { loadForChange } from './load-request.ts';
import { auditRequest } from './audit-request.ts';
import { startVersion } from '../versions/load-job.ts';
import { goLiveRoutes } from './go-live-routes.tsx';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The action's input from the form, or a pt-BR error. */
export function actionInput(key: ActionKey, form: Form, actor: Actor): { ok: true; input: ActionInput } | { ok: false; error: string } {
  const spec = ACTIONS[key];
  const note = field(form, 'nota').slice(0, 2000);
  const day = parseCalendarDate(field(form, 'data'));
  switch (spec.input) {
    case 'none':
      return { ok: true, input: {} };
    case 'note':
      return note.length < 3 ? { ok: false, error: 'Escreva o motivo ou a observação (ao menos 3 caracteres).' } : { ok: true, input: { note } };
    case 'slot': {
      const time = field(form, 'hora');
      if (!day || !TIME.test(time)) return { ok: false, error: 'Informe a data (dd/mm/aaaa) e a hora (hh:mm) do agendamento.' };
      return { ok: true, input: { at: localInstant(isoCalendarDate(day), time) } };
    }
    case 'slotRequest': {
      const from = field(form, 'de');
      const to = field(form, 'ate');
      if (!day || !TIME.test(from) || !TIME.test(to) || to <= from) return { ok: false, error: 'Informe a nova data (dd/mm/aaaa) e o horário disponível (das … até …).' };
      return { ok: true, input: { note, availability: { date: isoCalendarDate(day), from, to }, byName: actor.user!.name } };
    }
    case 'feedback': {
      const viable = field(form, 'viavel');
      if (viable !== 'sim' && viable !== 'nao') return { ok: false, error: 'Diga se a migração é viável.' };
      if (!day) return { ok: false, error: 'Informe a previsão da primeira versão de validação (dd/mm/aaaa).' };
      return { ok: true, input: { feedback: { viable: viable === 'sim', estimatedDate: isoCalendarDate(day), note } } };
    }
  }
}

/** One request: its page, its lifecycle actions, the IT checklist, the plan and the thread. */
export function requestRoutes(router: PluginRouter, { ctx, deps }: Env): void {
  const page = (c: Ctx, id: number, errors: string[] = [], status: 200 | 409 | 422 = 200) => requestView(ctx, c, id, errors, status);

  goLiveRoutes(router, { ctx, deps }, (c, id, errors) => page(c, id, errors, 422));

  router.get('/solicitacoes/:id{[0-9]+}', { permission: P.request, dataClass: 'personal', screen: 'Solicitação de migração' }, (c) => page(c, idParam(c)));

  router.post('/solicitacoes/:id{[0-9]+}/acoes/:acao', { permission: P.request, dataClass: 'personal', screen: 'Solicitação de migração' }, async (c) => {
    const id = idParam(c);
    const key = c.req.param('acao') ?? '';
    if (!isOneOf(ACTION_KEYS, key)) throw new HttpError(404);
    const actor = c.get('actor');
    const form = await formOf(c);
    const input = actionInput(key, form, actor);
    const now = ctx.clock.now();
    const outcome = await c.get('tx')(async (tx) => {
      const { r, role } = await loadForChange(c, tx, id);
      if (!input.ok) return { error: input.error };
      if (key === 'aprovar') return { error: 'A versão é aprovada pelo gestor no relatório de testes da versão ("Aprovo esta versão"), depois do teste espelho.' };
      const result = applyAction(lifecycleOf(r), key, role, input.input, now);
      if (!result.ok) return { error: result.error };
      const next = result.next;
      // Closing erases the backup password (saveLifecycle; the database refuses a closed request that keeps one).
      const erase = (next.state === 'encerrada' || next.state === 'cancelada') && r.passwordCipher !== null;
      await saveLifecycle(tx, r, next, key, authorOf(actor), now, input.input.note || null);
      // Publishing a validation version loads it: version N in 'carregando' and its load job, committed
      // with the step (the job reads the request's confirmed files).
      if (key === 'publicar_validacao') await startVersion(ctx, r, authorOf(actor));
      await auditRequest(ctx, c, tx, r, 'migration.request.action', {
            step: key,
            fromState: r.state,
            toState: next.state,
            ...(next.state === 'versao_validacao' ? { round: next.validationRound } : {}),
            ...(next.dueAt ? { dueAt: next.dueAt.toISOString() } : {}),
            ...(erase ? { passwordErased: true } : {}),
          });
      const title = `Migração #${r.id}: ${ACTIONS[key].label.toLowerCase()}`;
      const body = `${r.clinicName} · ${stateLabel(next.state, next.validationRound)}`;
      await notifyParticipants(ctx, tx, r, actor.user!.id, title, body);
      if (role === 'solicitante' && (key === 'pedir_reagendamento' || key === 'pedir_cancelamento_extracao' || key === 'pedir_ajustes')) {
        await notifyTeam(ctx, tx, r, title, body);
      }
      return { error: null, label: stateLabel(next.state, next.validationRound) };
    });
    if (outcome.error) return page(c, id, [outcome.error], 422);
    await c.get('flash')(`${ACTIONS[key].label}: feito. Etapa atual: ${outcome.label}.`, 'success');
    return c.redirect(requestPath(id), 303);
  });

  router.post('/solicitacoes/:id{[0-9]+}/checagem', { permission: P.request, dataClass: 'personal', screen: 'Checagem de TI do backup' }, async (c) => {
    const id = idParam(c);
    const actor = c.get('actor');
    const form = await formOf(c);
    const yes = (name: string) => (field(form, name) === 'sim' ? true : field(form, name) === 'nao' ? false : null);
    const allTables = yes('todasTabelas');
    const needsPassword = yes('precisaSenha');
    const linkHasDeadline = yes('prazoLink');
    const password = typeof form.senha === 'string' ? form.senha : '';
    const linkDay = parseCalendarDate(field(form, 'dataLink'));
    const errors: string[] = [];
    if (allTables === null) errors.push('Responda se todas as tabelas do backup foram enviadas.');
    if (needsPassword === null) errors.push('Responda se o backup precisa de senha.');
    if (linkHasDeadline === null) errors.push('Responda se o link de hospedagem tem prazo.');
    if (linkHasDeadline && !linkDay) errors.push('Informe o prazo do link de hospedagem (dd/mm/aaaa).');
    if (password.length > 200) errors.push('A senha pode ter até 200 caracteres.');
    const now = ctx.clock.now();
    const outcome = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      if (r.state === 'encerrada' || r.state === 'cancelada') return 'A migração terminou: a checagem não muda mais.';
      if (needsPassword && !password && !r.passwordCipher) errors.push('Informe a senha do backup (ela fica cifrada).');
      if (errors.length > 0) return null;
      const keep = needsPassword && !password;
      await tx
        .update(requests)
        .set({
          allTablesSent: allTables,
          needsPassword,
          passwordCipher: needsPassword ? (keep ? r.passwordCipher : deps.box.seal(password)) : null,
          passwordHint: needsPassword ? (keep ? r.passwordHint : passwordHint(password)) : null,
          linkHasDeadline,
          linkDeadline: linkHasDeadline && linkDay ? isoCalendarDate(linkDay) : null,
          checklistByName: actor.user!.name,
          checklistAt: now,
          updatedAt: now,
        })
        .where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
      await auditRequest(ctx, c, tx, r, 'migration.checklist.saved', { passwordSet: !!(needsPassword && password) });
      await notifyParticipants(ctx, tx, r, actor.user!.id, `Migração #${r.id}: checagem de TI do backup salva`, r.clinicName);
      return 'ok';
    });
    if (outcome !== 'ok') return page(c, id, outcome ? [outcome] : errors, 422);
    await c.get('flash')('Checagem de TI salva.', 'success');
    return c.redirect(requestPath(id), 303);
  });

  router.post('/solicitacoes/:id{[0-9]+}/plano', { permission: P.request, dataClass: 'personal', screen: 'Plano de migração' }, async (c) => {
    const id = idParam(c);
    const actor = c.get('actor');
    const form = await formOf(c);
    const parsed = parsePlan(form);
    const now = ctx.clock.now();
    const outcome = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      if (r.state === 'encerrada' || r.state === 'cancelada') return ['A migração terminou: o plano não muda mais.'];
      if (!parsed.ok) return parsed.errors;
      await tx
        .update(requests)
        .set({ plan: parsed.plan, testPlan: parsed.testPlan, updatedAt: now })
        .where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
      await auditRequest(ctx, c, tx, r, 'migration.plan.saved');
      await notifyParticipants(ctx, tx, r, actor.user!.id, `Migração #${r.id}: plano de migração atualizado`, r.clinicName);
      return [];
    });
    if (outcome.length > 0) return page(c, id, outcome, 422);
    await c.get('flash')('Plano de migração e de testes salvo.', 'success');
    return c.redirect(requestPath(id), 303);
  });

}

/** The plan form into the plan and test plan of seed 004, or pt-BR errors. */
export function parsePlan(form: Form): { ok: true; plan: PlanValue; testPlan: TestPlanValue } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const strategy = field(form, 'estrategia');
  if (!isOneOf(Object.keys(STRATEGIES), strategy)) errors.push('Escolha a estratégia de migração.');
  const history = field(form, 'historico');
  if (history !== 'sim' && history !== 'nao') errors.push('Diga se todo o histórico será migrado.');
  const versions = Number(field(form, 'versoes'));
  if (!Number.isInteger(versions) || versions < 1 || versions > 10) errors.push('O número de versões de validação vai de 1 a 10.');
  const kinds = fields(form, 'testes');
  if (kinds.some((k) => !isOneOf(Object.keys(TEST_KINDS), k))) errors.push('Tipo de teste desconhecido.');
  const what = fields(form, 'acaoQue');
  const who = fields(form, 'acaoQuem');
  const when = fields(form, 'acaoQuando');
  const manualActions: ManualAction[] = [];
  what.forEach((w, i) => {
    const row = { what: w, who: who[i] ?? '', when: when[i] ?? '' };
    if (!row.what && !row.who && !row.when) return;
    if (!row.what || !row.who || !row.when) errors.push(`Ação manual ${i + 1}: preencha o quê, quem e quando (ou deixe a linha vazia).`);
    else manualActions.push(row);
  });
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    plan: { strategy: strategy as PlanValue['strategy'], cleanup: field(form, 'limpeza').slice(0, 2000), manualActions, wholeHistory: history === 'sim', historyNote: field(form, 'historicoNota').slice(0, 500) },
    testPlan: { validationVersions: versions, kinds: [...new Set(kinds)] as TestKind[], mirrorRecords: field(form, 'espelho').slice(0, 4000) },
  };
}
