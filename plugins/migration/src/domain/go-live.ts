/**
 * The go-live checklist ("roteiro de go-live", seed 004): the detailed steps of the production migration —
 * the strategy, the clean-up actions, the manual actions after the migration (who does them and when) —,
 * whether the clinic keeps working digitally or on a paper contingency meanwhile, and the rollback plan
 * if the migration fails. Each step has an owner and a state; closing the migration needs it all done.
 * Pure: the route parses the form with `parseGoLive` and stores what it returns.
 */
import { STRATEGIES, type PlanValue } from './vocabulary.ts';

export const STEP_KINDS = {
  estrategia: 'Estratégia',
  limpeza: 'Limpeza',
  manual: 'Ação manual pós-migração',
  continuidade: 'Continuidade do atendimento',
  rollback: 'Rollback',
  outro: 'Outro passo',
} as const;
export type StepKind = keyof typeof STEP_KINDS;

export const CONTINUITY = {
  digital: 'A clínica continua trabalhando no sistema (digital)',
  papel: 'Contingência em papel durante a migração',
} as const;
export type Continuity = keyof typeof CONTINUITY;

export interface GoLiveStep {
  kind: StepKind;
  what: string;
  owner: string;
  when: string;
  done: boolean;
  doneBy: string | null;
  doneAt: string | null;
}

export interface GoLiveValue {
  continuity: Continuity;
  continuityNote: string;
  rollback: string;
  steps: GoLiveStep[];
}

/** Rows the form offers (filled ones plus empty ones to add). */
export const GO_LIVE_ROWS = 10;

const TEAM = 'Equipe de migração';
const CLINIC = 'Clínica';

/** The steps the plan suggests before the checklist is first saved: strategy, clean-up lines, manual actions, continuity, rollback. */
export function suggestedSteps(plan: PlanValue | null): GoLiveStep[] {
  const step = (kind: StepKind, what: string, owner: string, when: string): GoLiveStep => ({ kind, what, owner, when, done: false, doneBy: null, doneAt: null });
  const steps: GoLiveStep[] = [step('estrategia', `Executar a versão final: ${plan ? STRATEGIES[plan.strategy].toLowerCase() : 'estratégia a definir'}`, TEAM, 'Na data agendada')];
  for (const line of (plan?.cleanup ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) steps.push(step('limpeza', line, CLINIC, 'Antes da versão final'));
  for (const a of plan?.manualActions ?? []) steps.push(step('manual', a.what, a.who, a.when));
  steps.push(step('continuidade', 'Avisar a equipe da clínica de como trabalhar durante a migração', CLINIC, 'Um dia antes'));
  steps.push(step('rollback', 'Confirmar o backup do sistema legado para o rollback', TEAM, 'Antes da versão final'));
  return steps.slice(0, GO_LIVE_ROWS);
}

/** What is still missing for the checklist to be done (pt-BR), empty when done. */
export function goLiveMissing(g: GoLiveValue | null): string[] {
  if (!g) return ['Preencha o roteiro de go-live.'];
  const missing: string[] = [];
  if (g.rollback.trim().length < 10) missing.push('Descreva o plano de rollback.');
  if (g.steps.length === 0) missing.push('Inclua ao menos um passo no roteiro.');
  const open = g.steps.filter((s) => !s.done).length;
  if (open > 0) missing.push(open === 1 ? '1 passo do roteiro ainda não foi feito.' : `${open} passos do roteiro ainda não foram feitos.`);
  return missing;
}

export const goLiveDone = (g: GoLiveValue | null): boolean => goLiveMissing(g).length === 0;

type Form = Record<string, string | File | (string | File)[]>;
const all = (form: Form, name: string): string[] => {
  const v = form[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list.map((x) => (typeof x === 'string' ? x.trim() : ''));
};
const one = (form: Form, name: string): string => all(form, name)[0] ?? '';

/**
 * The checklist form (continuity, rollback plan, step rows) into a value, or pt-BR errors. A row keeps
 * its done state when its text and owner did not change (rows are matched by position).
 */
export function parseGoLive(form: Form, previous: GoLiveValue | null): { ok: true; value: GoLiveValue } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const continuity = one(form, 'continuidade');
  if (continuity !== 'digital' && continuity !== 'papel') errors.push('Diga se a clínica continua no digital ou usa a contingência em papel.');
  const rollback = one(form, 'rollback').slice(0, 4000);
  if (rollback.length < 10) errors.push('Descreva o plano de rollback (ao menos 10 caracteres): o que dispara a volta e como se volta ao sistema legado.');
  const kinds = all(form, 'passoTipo');
  const whats = all(form, 'passoQue');
  const owners = all(form, 'passoQuem');
  const whens = all(form, 'passoQuando');
  const steps: GoLiveStep[] = [];
  whats.slice(0, GO_LIVE_ROWS).forEach((what, i) => {
    const owner = owners[i] ?? '';
    const when = whens[i] ?? '';
    const kind = kinds[i] ?? 'outro';
    if (!what && !owner && !when) return;
    if (!what || !owner || !when) {
      errors.push(`Passo ${i + 1}: preencha o quê, o responsável e quando (ou deixe a linha vazia).`);
      return;
    }
    if (!Object.hasOwn(STEP_KINDS, kind)) {
      errors.push(`Passo ${i + 1}: tipo de passo desconhecido.`);
      return;
    }
    const before = previous?.steps.find((s) => s.what === what && s.owner === owner);
    steps.push({
      kind: kind as StepKind,
      what: what.slice(0, 300),
      owner: owner.slice(0, 120),
      when: when.slice(0, 120),
      done: before?.done ?? false,
      doneBy: before?.doneBy ?? null,
      doneAt: before?.doneAt ?? null,
    });
  });
  if (steps.length === 0) errors.push('Inclua ao menos um passo no roteiro (o quê, responsável, quando).');
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { continuity: continuity as Continuity, continuityNote: one(form, 'continuidadeNota').slice(0, 1000), rollback, steps } };
}

/** The checklist with step `index` marked done or reopened; null when there is no such step. */
export function markStep(g: GoLiveValue, index: number, done: boolean, byName: string, at: Date): GoLiveValue | null {
  if (!Number.isInteger(index) || index < 0 || index >= g.steps.length) return null;
  return {
    ...g,
    steps: g.steps.map((s, i) => (i === index ? { ...s, done, doneBy: done ? byName : null, doneAt: done ? at.toISOString() : null } : s)),
  };
}
