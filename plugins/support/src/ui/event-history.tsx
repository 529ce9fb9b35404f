import { formatDateTime } from '@painel/core/plugin';
import { BOARD_COLUMNS, boardColumnLabel, isOneOf, PRIORITIES, priorityLabel, queueLabel, QUEUES, STATUSES, statusLabel } from '../domain/vocabulary.ts';
import type { EventRow } from '../tickets/ticket-events.ts';

function describe(e: EventRow): string {
  const d = e.data;
  switch (e.kind) {
    case 'opened':
      return d.previousTicketId ? `Chamado aberto (continuação do #${String(d.previousTicketId)})` : 'Chamado aberto';
    case 'priority_changed':
      return `Prioridade: ${isOneOf(PRIORITIES, d.from) ? priorityLabel[d.from] : 'sem triagem'} → ${isOneOf(PRIORITIES, d.to) ? priorityLabel[d.to] : '?'}`;
    case 'status_changed':
      return `Situação: ${isOneOf(STATUSES, d.from) ? statusLabel[d.from] : '?'} → ${isOneOf(STATUSES, d.to) ? statusLabel[d.to] : '?'}`;
    case 'agent_replied':
      return 'Resposta do suporte';
    case 'client_replied':
      return 'Resposta da clínica';
    case 'queue_changed':
      return `Encaminhado: ${isOneOf(QUEUES, d.to) ? queueLabel[d.to] : '?'}`;
    case 'access_requested':
      return 'Acesso à base solicitado à clínica';
    case 'grant_started':
      return `A clínica liberou o acesso suporte${d.endsAt ? ` até ${formatDateTime(new Date(String(d.endsAt)))}` : ''}`;
    case 'grant_ended':
      return 'O acesso suporte à base terminou';
    case 'card_moved':
      return `Card do quadro: ${isOneOf(BOARD_COLUMNS, d.to) ? boardColumnLabel[d.to] : '?'}`;
    case 'continued_in':
      return `Continuado no chamado #${String(d.ticketId)}`;
    default:
      return e.kind;
  }
}

/** The ticket's event log, newest first (what the SLA is derived from). */
export function EventHistory({ events }: { events: EventRow[] }) {
  return (
    <details class="sup-history">
      <summary>Histórico ({events.length})</summary>
      <ol>
        {[...events].reverse().map((e) => (
          <li>
            <time datetime={e.at.toISOString()} class="muted small">
              {formatDateTime(e.at)}
            </time>{' '}
            {describe(e)}
            {e.actorName && <span class="muted small"> · {e.actorName}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
