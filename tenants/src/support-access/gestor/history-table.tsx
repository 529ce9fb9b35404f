import { EmptyState, formatDateTime } from '@painel/core/module';
import type { GrantEventKind } from '../db/schema.ts';
import { durationLabel } from '../grants/durations.ts';
import type { GrantEventRow } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';

const badge: Record<GrantEventKind, string> = {
  granted: 'badge-ok',
  extended: 'badge-info',
  replaced: 'badge-info',
  revoked: 'badge-danger',
  expired: 'badge-muted',
};

/** Granted / extended / replaced / revoked / expired, by whom, when. */
export function HistoryTable(props: { events: GrantEventRow[] }) {
  return (
    <section aria-labelledby="history-title" class="sa-block">
      <h2 id="history-title" class="sa-section-title">
        {m('history.title')}
      </h2>
      {props.events.length === 0 ? (
        <EmptyState>{m('history.empty')}</EmptyState>
      ) : (
        <div class="table-wrap">
          <table data-testid="grant-history">
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Evento</th>
                <th scope="col">Por</th>
                <th scope="col">Duração</th>
                <th scope="col">Acesso até</th>
                <th scope="col">Motivo / chamado</th>
              </tr>
            </thead>
            <tbody>
              {props.events.map((e) => (
                <tr data-event={e.kind}>
                  <td class="sa-nowrap">{formatDateTime(e.at)}</td>
                  <td>
                    <span class={`badge ${badge[e.kind]}`}>{m(`history.event.${e.kind}`)}</span>
                  </td>
                  <td>{e.byName ?? <span class="muted">{m('history.system')}</span>}</td>
                  <td>{e.duration ? durationLabel(e.duration) : <span class="muted">—</span>}</td>
                  <td class="sa-nowrap">{e.endsAt ? formatDateTime(e.endsAt) : '—'}</td>
                  <td>{e.reason ?? <span class="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
