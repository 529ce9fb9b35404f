import { formatBusinessDuration, formatDateTime } from '@painel/core/plugin';
import {
  categoryLabel,
  type Category,
  moduleLabel,
  type Priority,
  priorityBadge,
  priorityLabel,
  statusBadge,
  statusLabel,
  type SystemModule,
  type TicketStatus,
} from '../domain/vocabulary.ts';
import { type SlaState, slaLevel } from '../sla/compute-sla.ts';

export function StatusTag({ status }: { status: TicketStatus }) {
  return <span class={`badge ${statusBadge[status]}`}>{statusLabel[status]}</span>;
}

export function PriorityTag({ priority }: { priority: Priority | null }) {
  if (!priority) return <span class="badge badge-muted" title="Ainda sem triagem: o prazo corre como prioridade média.">Sem triagem</span>;
  return <span class={`badge ${priorityBadge[priority]}`}>{priorityLabel[priority]}</span>;
}

export const categoryText = (c: Category) => categoryLabel[c];
export const moduleText = (m: SystemModule) => moduleLabel[m];

const levelClass = { ok: 'badge-ok', risk: 'badge-warn', breached: 'badge-danger', neutral: 'badge-muted' } as const;

/** Short pt-BR text of an SLA state ("Vence em 3 h 20 min", "Violado há 1 h", …). */
export function slaText(s: SlaState): string {
  switch (s.outcome) {
    case 'running':
      return `Vence em ${formatBusinessDuration(s.remainingMs)}`;
    case 'breached':
      return `Violado há ${formatBusinessDuration(-s.remainingMs)}`;
    case 'paused':
      return `Pausado · restam ${formatBusinessDuration(s.remainingMs)}`;
    case 'met':
      return 'Respondido no prazo';
    case 'missed':
      return 'Respondido fora do prazo';
    case 'stopped':
      return 'Encerrado sem resposta';
  }
}

/** What the badge's tooltip / screen-reader text says in full. */
export function slaDetail(s: SlaState): string {
  const due = s.dueAt ? ` Prazo: ${formatDateTime(s.dueAt)}.` : '';
  const basis = s.triaged ? `prioridade ${priorityLabel[s.priority].toLowerCase()}` : 'prioridade média (padrão, sem triagem)';
  return `Primeira resposta em até ${s.targetMs / 3_600_000} horas úteis (${basis}).${due}`;
}

/** The SLA badge: green, amber under 1 business hour, red when breached, grey when paused/stopped. */
export function SlaBadge({ sla }: { sla: SlaState }) {
  const level = slaLevel(sla);
  return (
    <span class={`badge ${levelClass[level]} sla-badge`} data-sla={level} title={slaDetail(sla)}>
      {slaText(sla)}
    </span>
  );
}
