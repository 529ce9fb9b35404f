import { formatDateTime } from '@painel/core/plugin';
import { isFinal, SIDES, type Side, type State, stateLabel } from '../domain/states.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export type Urgency = 'atrasada' | 'vence-em-breve' | 'no-prazo' | 'sem-prazo';

/** Overdue, due within a day, on time, or over. */
export function urgencyOf(r: { state: State; dueAt: Date | null }, now: Date): Urgency {
  if (isFinal(r.state) || !r.dueAt) return 'sem-prazo';
  const left = r.dueAt.getTime() - now.getTime();
  return left < 0 ? 'atrasada' : left <= DAY_MS ? 'vence-em-breve' : 'no-prazo';
}

const badge: Record<Urgency, [string, string]> = {
  atrasada: ['badge-danger', 'Atrasada'],
  'vence-em-breve': ['badge-warn', 'Vence em breve'],
  'no-prazo': ['badge-ok', 'No prazo'],
  'sem-prazo': ['badge-muted', 'Sem prazo'],
};

export function UrgencyBadge(props: { urgency: Urgency }) {
  const [cls, label] = badge[props.urgency];
  return (
    <span class={`badge ${cls}`} data-urgency={props.urgency}>
      {label}
    </span>
  );
}

export function StateTag(props: { state: State; round: number }) {
  const tone = props.state === 'encerrada' ? 'badge-ok' : props.state === 'cancelada' ? 'badge-muted' : 'badge-info';
  return (
    <span class={`badge ${tone}`} data-state={props.state}>
      {stateLabel(props.state, props.round)}
    </span>
  );
}

/** "Equipe de migração · até 03/03/2026 23:59" with the urgency badge. */
export function NextStep(props: { state: State; dueAt: Date | null; dueSide: Side | null; now: Date }) {
  const urgency = urgencyOf(props, props.now);
  if (urgency === 'sem-prazo' || !props.dueSide || !props.dueAt) return <span class="muted">—</span>;
  return (
    <span data-testid="next-step">
      <strong>{SIDES[props.dueSide]}</strong> · até <time datetime={props.dueAt.toISOString()}>{formatDateTime(props.dueAt)}</time>{' '}
      <UrgencyBadge urgency={urgency} />
    </span>
  );
}
