/**
 * The actions of the lifecycle: who may take each, from which states, to which state, and the deadline
 * the request then carries. Pure: the route validates the input and stores what `applyAction` returns,
 * so the whole machine is testable with a fake clock.
 */
import { addBusinessDays, addCalendarDays, endOfLocalDay } from '../deadlines/business-days.ts';
import type { Availability, Feedback, SlotRequest } from '../db/schema.ts';
import { isFinal, type Side, type State } from './states.ts';

/** Who someone is on one request: the team answers, the requester (gestor, singular admin) asks, a reader only reads. */
export type RequestRole = 'equipe' | 'solicitante' | 'leitor';

/** The parts of a request the machine reads and writes. */
export interface Lifecycle {
  state: State;
  stateSince: Date;
  validationRound: number;
  dueAt: Date | null;
  dueSide: Side | null;
  extractionAt: Date | null;
  slotRequest: SlotRequest | null;
  backupReceivedAt: Date | null;
  feedback: Feedback | null;
  finalAt: Date | null;
  finalExecutedAt: Date | null;
  closedAt: Date | null;
  cancelReason: string | null;
  checklistComplete: boolean;
  /** The go-live checklist (seed 004) is done: every step, the continuity decision and the rollback plan. */
  goLiveComplete: boolean;
}

export type ActionKey =
  | 'agendar_extracao'
  | 'pedir_reagendamento'
  | 'pedir_cancelamento_extracao'
  | 'reagendar_extracao'
  | 'cancelar_extracao'
  | 'registrar_backup'
  | 'iniciar_analise'
  | 'enviar_parecer'
  | 'publicar_validacao'
  | 'pedir_ajustes'
  | 'aprovar'
  | 'agendar_final'
  | 'executar_final'
  | 'encerrar'
  | 'cancelar';

/** What an action needs besides the click. */
export type InputKind = 'none' | 'slot' | 'note' | 'slotRequest' | 'feedback';

export interface ActionSpec {
  label: string;
  by: ReadonlyArray<'equipe' | 'solicitante'>;
  from: readonly State[] | 'any-open';
  input: InputKind;
  /** Destructive or final actions are shown as secondary/danger buttons. */
  tone?: 'danger' | 'secondary';
}

export const ACTIONS: Record<ActionKey, ActionSpec> = {
  agendar_extracao: { label: 'Agendar extração', by: ['equipe'], from: ['solicitada'], input: 'slot' },
  pedir_reagendamento: { label: 'Pedir reagendamento da extração', by: ['solicitante'], from: ['extracao_agendada'], input: 'slotRequest', tone: 'secondary' },
  pedir_cancelamento_extracao: { label: 'Pedir cancelamento da extração', by: ['solicitante'], from: ['extracao_agendada'], input: 'note', tone: 'secondary' },
  reagendar_extracao: { label: 'Reagendar extração', by: ['equipe'], from: ['extracao_agendada'], input: 'slot', tone: 'secondary' },
  cancelar_extracao: { label: 'Cancelar o agendamento da extração', by: ['equipe'], from: ['extracao_agendada'], input: 'note', tone: 'secondary' },
  registrar_backup: { label: 'Registrar backup recebido', by: ['equipe'], from: ['extracao_agendada'], input: 'none' },
  iniciar_analise: { label: 'Iniciar análise de viabilidade', by: ['equipe'], from: ['backup_recebido'], input: 'none' },
  enviar_parecer: { label: 'Enviar parecer de viabilidade', by: ['equipe'], from: ['analise_viabilidade'], input: 'feedback' },
  publicar_validacao: { label: 'Publicar versão de validação', by: ['equipe'], from: ['analise_viabilidade', 'ajustes'], input: 'none' },
  pedir_ajustes: { label: 'Pedir ajustes', by: ['solicitante'], from: ['versao_validacao'], input: 'note', tone: 'secondary' },
  aprovar: { label: 'Aprovar esta versão', by: ['solicitante'], from: ['versao_validacao'], input: 'none' },
  agendar_final: { label: 'Agendar versão final', by: ['equipe'], from: ['aprovada'], input: 'slot' },
  executar_final: { label: 'Registrar execução da versão final', by: ['equipe'], from: ['versao_final_agendada'], input: 'none' },
  encerrar: { label: 'Confirmar e encerrar a migração', by: ['solicitante', 'equipe'], from: ['versao_final_executada'], input: 'none' },
  cancelar: { label: 'Cancelar a solicitação', by: ['solicitante', 'equipe'], from: 'any-open', input: 'note', tone: 'danger' },
};
export const ACTION_KEYS = Object.keys(ACTIONS) as ActionKey[];

export interface ActionInput {
  /** The booked instant (extraction, final version). */
  at?: Date;
  note?: string;
  availability?: Availability;
  feedback?: { viable: boolean; estimatedDate: string; note: string };
  byName?: string;
}

export type Outcome = { ok: true; next: Lifecycle; toState: State } | { ok: false; error: string };

/** Business and calendar days of each rule, in one place. */
export const RULES = {
  /** Booking, rescheduling and cancelling an extraction, and booking the final version: 1 business day. */
  answerBusinessDays: 1,
  /** Feasibility feedback with the estimated schedule, counted from the backup: 3 business days. */
  feedbackBusinessDays: 3,
  /** A new validation version after adjustments are asked for. */
  adjustBusinessDays: 3,
  /** A validation version stays open in the homologation environment for 15 days. */
  validationCalendarDays: 15,
  /** After the final version, two weeks to check the migrated data (seed 002). */
  checkCalendarDays: 14,
} as const;

/** Who acts next in the request's current state, and by when (null: nobody, the request is over). */
export function deadlineOf(m: Omit<Lifecycle, 'dueAt' | 'dueSide'>): { side: Side; dueAt: Date } | null {
  switch (m.state) {
    case 'solicitada':
      return { side: 'equipe', dueAt: addBusinessDays(m.stateSince, RULES.answerBusinessDays) };
    case 'extracao_agendada':
      if (m.slotRequest) return { side: 'equipe', dueAt: new Date(m.slotRequest.dueAt) };
      return { side: 'clinica', dueAt: m.extractionAt ?? addBusinessDays(m.stateSince, RULES.answerBusinessDays) };
    case 'backup_recebido':
      return { side: 'equipe', dueAt: addBusinessDays(m.backupReceivedAt ?? m.stateSince, RULES.feedbackBusinessDays) };
    case 'analise_viabilidade':
      return m.feedback
        ? { side: 'equipe', dueAt: endOfLocalDay(m.feedback.estimatedDate) }
        : { side: 'equipe', dueAt: addBusinessDays(m.backupReceivedAt ?? m.stateSince, RULES.feedbackBusinessDays) };
    case 'versao_validacao':
      return { side: 'clinica', dueAt: addCalendarDays(m.stateSince, RULES.validationCalendarDays) };
    case 'ajustes':
      return { side: 'equipe', dueAt: addBusinessDays(m.stateSince, RULES.adjustBusinessDays) };
    case 'aprovada':
      return { side: 'equipe', dueAt: addBusinessDays(m.stateSince, RULES.answerBusinessDays) };
    case 'versao_final_agendada':
      return { side: 'equipe', dueAt: m.finalAt ?? addBusinessDays(m.stateSince, RULES.answerBusinessDays) };
    case 'versao_final_executada':
      return { side: 'clinica', dueAt: addCalendarDays(m.finalExecutedAt ?? m.stateSince, RULES.checkCalendarDays) };
    case 'encerrada':
    case 'cancelada':
      return null;
  }
}

export function isOverdue(m: Pick<Lifecycle, 'state' | 'dueAt'>, now: Date): boolean {
  return !isFinal(m.state) && m.dueAt !== null && m.dueAt.getTime() < now.getTime();
}

/** The actions this role may take now (the buttons on the request page). */
export function availableActions(m: Lifecycle, role: RequestRole | null, now: Date): ActionKey[] {
  if (role !== 'equipe' && role !== 'solicitante') return [];
  return ACTION_KEYS.filter((key) => allowed(m, key, role, now) === null);
}

/** Why this role may not take this action now (pt-BR), or null when it may. */
export function allowed(m: Lifecycle, key: ActionKey, role: RequestRole, now: Date): string | null {
  const spec = ACTIONS[key];
  if (role === 'leitor' || !spec.by.includes(role)) return 'Esta ação não cabe ao seu perfil nesta solicitação.';
  const from = spec.from === 'any-open' ? !isFinal(m.state) : spec.from.includes(m.state);
  if (!from) return 'A solicitação mudou de etapa: confira a situação atual antes de agir.';
  if ((key === 'pedir_reagendamento' || key === 'pedir_cancelamento_extracao') && m.slotRequest) {
    return 'Já há um pedido sobre o agendamento aguardando a equipe de migração.';
  }
  if (key === 'registrar_backup' && !m.checklistComplete) return 'Preencha a checagem de TI do backup antes de registrá-lo como recebido.';
  if (key === 'publicar_validacao' && m.state === 'analise_viabilidade' && !m.feedback?.viable) {
    return 'Envie um parecer de viabilidade favorável antes de publicar a primeira versão de validação.';
  }
  if (key === 'encerrar' && !m.goLiveComplete) return 'Conclua o roteiro de go-live (todos os passos feitos e o plano de rollback) antes de encerrar a migração.';
  if (key === 'encerrar' && role === 'equipe' && m.dueAt && m.dueAt.getTime() > now.getTime()) {
    return 'A clínica tem até o fim do prazo de conferência para encerrar; depois dele a equipe pode encerrar.';
  }
  return null;
}

/** The request after the action, with its new deadline; or why it cannot be taken. */
export function applyAction(m: Lifecycle, key: ActionKey, role: RequestRole, input: ActionInput, now: Date): Outcome {
  const refused = allowed(m, key, role, now);
  if (refused) return { ok: false, error: refused };
  const next: Lifecycle = { ...m };
  const moveTo = (state: State) => {
    if (state !== m.state) {
      next.state = state;
      next.stateSince = now;
    }
  };
  switch (key) {
    case 'agendar_extracao':
    case 'reagendar_extracao':
      if (!input.at) return { ok: false, error: 'Informe a data e a hora da extração.' };
      next.extractionAt = input.at;
      next.slotRequest = null;
      moveTo('extracao_agendada');
      break;
    case 'pedir_reagendamento':
    case 'pedir_cancelamento_extracao':
      next.slotRequest = {
        kind: key === 'pedir_reagendamento' ? 'reagendar' : 'cancelar',
        note: input.note ?? '',
        availability: input.availability ?? null,
        at: now.toISOString(),
        dueAt: addBusinessDays(now, RULES.answerBusinessDays).toISOString(),
        byName: input.byName ?? '',
      };
      break;
    case 'cancelar_extracao':
      next.extractionAt = null;
      next.slotRequest = null;
      moveTo('solicitada');
      break;
    case 'registrar_backup':
      next.backupReceivedAt = now;
      moveTo('backup_recebido');
      break;
    case 'iniciar_analise':
      moveTo('analise_viabilidade');
      break;
    case 'enviar_parecer':
      if (!input.feedback) return { ok: false, error: 'Preencha o parecer de viabilidade.' };
      next.feedback = { ...input.feedback, at: now.toISOString() };
      break;
    case 'publicar_validacao':
      next.validationRound = m.validationRound + 1;
      next.state = 'versao_validacao';
      next.stateSince = now;
      break;
    case 'pedir_ajustes':
      moveTo('ajustes');
      break;
    case 'aprovar':
      moveTo('aprovada');
      break;
    case 'agendar_final':
      if (!input.at) return { ok: false, error: 'Informe a data e a hora da versão final.' };
      next.finalAt = input.at;
      moveTo('versao_final_agendada');
      break;
    case 'executar_final':
      next.finalExecutedAt = now;
      moveTo('versao_final_executada');
      break;
    case 'encerrar':
      next.closedAt = now;
      moveTo('encerrada');
      break;
    case 'cancelar':
      next.closedAt = now;
      next.cancelReason = input.note ?? '';
      next.slotRequest = null;
      moveTo('cancelada');
      break;
  }
  const due = deadlineOf(next);
  next.dueAt = due?.dueAt ?? null;
  next.dueSide = due?.side ?? null;
  return { ok: true, next, toState: next.state };
}
