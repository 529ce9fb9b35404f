import { formatDateTime } from '@painel/core/plugin';
import { categoryLabel, moduleLabel } from '../domain/vocabulary.ts';
import type { SlaState } from '../sla/compute-sla.ts';
import type { Ticket } from '../tickets/ticket-store.ts';
import { PriorityTag, SlaBadge, StatusTag } from './badges.tsx';

export interface TicketRow {
  ticket: Ticket;
  sla: SlaState;
}

/** The tickets list used by every queue: number, subject (with base and author), classification, status, SLA. */
export function TicketTable(props: { rows: TicketRow[]; showBase: boolean; showReseller?: boolean; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="sup-tickets" data-testid="ticket-table">
        <caption class="sup-sr-only">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nº</th>
            <th scope="col">Assunto</th>
            <th scope="col">Categoria · módulo</th>
            <th scope="col">Prioridade</th>
            <th scope="col">Situação</th>
            <th scope="col">1ª resposta (SLA)</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map(({ ticket: t, sla }) => (
            <tr data-ticket={t.id}>
              <td class="mono">
                <a href={`/p/support/chamados/${t.id}`}>#{t.id}</a>
              </td>
              <td class="sup-subject-cell">
                <a href={`/p/support/chamados/${t.id}`} class="sup-subject">
                  {t.subject}
                </a>
                <small class="muted sup-meta">
                  {props.showBase && (
                    <>
                      {t.clinicName} · id {t.clinicId}
                      {props.showReseller && <> · {t.resellerName}</>}
                      {' · '}
                    </>
                  )}
                  por {t.openedByName} · {formatDateTime(t.openedAt)}
                </small>
              </td>
              <td>
                {categoryLabel[t.category]}
                <small class="muted sup-meta">{moduleLabel[t.module]}</small>
              </td>
              <td>
                <PriorityTag priority={t.priority} />
              </td>
              <td>
                <StatusTag status={t.status} />
              </td>
              <td>
                <SlaBadge sla={sla} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
