import { formatDateTime } from '@painel/core/module';
import type { GrantRow } from '../grants/grant-queries.ts';
import { defaultRequestDuration } from '../grants/durations.ts';
import { m } from '../messages.ts';
import { RequestStateBadge } from '../requests/ask-page.tsx';
import type { AccessRequestRow } from '../requests/request-queries.ts';
import { requestExpiresAt, requestState } from '../requests/request-state.ts';
import { DurationRadios } from './grant-form.tsx';

/** Pending requests first (approve with one click, duration pre-filled "1 dia"), then the answered ones. */
export function RequestsSection(props: { requests: AccessRequestRow[]; active: GrantRow | null; now: Date }) {
  const { now, active } = props;
  if (props.requests.length === 0) return null;
  const pending = props.requests.filter((r) => requestState(r, now) === 'pending');
  const others = props.requests.filter((r) => requestState(r, now) !== 'pending');
  return (
    <section aria-labelledby="requests-title" class="sa-block" id="pedidos">
      <h2 id="requests-title" class="sa-section-title">
        {m('requests.title')}
      </h2>
      {pending.map((r) => (
        <article class="card sa-request" data-testid={`request-${r.id}`}>
          <div class="sa-status-head">
            <div>
              <strong>{r.agentName}</strong> <span class="muted small">({r.agentEmail})</span>
              <p class="sa-flat">
                <span class="muted">Motivo:</span> {r.reason}
              </p>
              <p class="muted small sa-flat">
                Pedido em {formatDateTime(r.createdAt)} · {m('requests.expiresIn')} {formatDateTime(requestExpiresAt(r))}
              </p>
            </div>
            <RequestStateBadge row={r} now={now} />
          </div>
          <form method="post" action={`/acesso-suporte/pedidos/${r.id}/aprovar`} class="sa-request-form">
            {active && <input type="hidden" name="acesso" value={String(active.id)} />}
            <DurationRadios name="duracao" selected={defaultRequestDuration} idPrefix={`req-${r.id}`} legend={m('grant.form.duration')} />
            <div class="sa-buttons">
              {active ? (
                <>
                  <button type="submit" name="modo" value="prorrogar">
                    {m('requests.approve')} · {m('grant.form.extend')}
                  </button>
                  <button type="submit" name="modo" value="substituir" class="secondary">
                    {m('requests.approve')} · {m('grant.form.replace')}
                  </button>
                </>
              ) : (
                <button type="submit" data-testid={`approve-${r.id}`}>
                  {m('requests.approve')}
                </button>
              )}
              <button type="submit" formaction={`/acesso-suporte/pedidos/${r.id}/recusar`} class="secondary outline">
                {m('requests.decline')}
              </button>
            </div>
          </form>
        </article>
      ))}
      {others.length > 0 && (
        <div class="table-wrap">
          <table data-testid="answered-requests">
            <thead>
              <tr>
                <th scope="col">Pedido em</th>
                <th scope="col">Atendente</th>
                <th scope="col">Motivo</th>
                <th scope="col">Situação</th>
              </tr>
            </thead>
            <tbody>
              {others.map((r) => (
                <tr>
                  <td class="sa-nowrap">{formatDateTime(r.createdAt)}</td>
                  <td>{r.agentName}</td>
                  <td>{r.reason}</td>
                  <td>
                    <RequestStateBadge row={r} now={now} />
                    {r.decidedByName && (
                      <span class="muted small">
                        {' '}
                        · {r.decidedByName}, {r.decidedAt ? formatDateTime(r.decidedAt) : ''}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
