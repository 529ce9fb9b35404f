import { EmptyState, ErrorSummary, Field, formatDateTime, PageHeader } from '@painel/core/module';
import { m } from '../messages.ts';
import type { AccessRequestRow } from './request-queries.ts';
import { requestExpiresAt, type RequestState, requestState } from './request-state.ts';

const stateBadge: Record<RequestState, string> = {
  pending: 'badge-warn',
  approved: 'badge-ok',
  declined: 'badge-danger',
  expired: 'badge-muted',
};

export function RequestStateBadge(props: { row: AccessRequestRow; now: Date }) {
  const state = requestState(props.row, props.now);
  return <span class={`badge ${stateBadge[state]}`}>{m(`requests.status.${state}`)}</span>;
}

/** "Solicitar acesso": the support agent asks a base for access and follows the answers. */
export function AskPage(props: {
  values: { base: string; reason: string };
  errors: { base?: string | undefined; reason?: string | undefined };
  mine: AccessRequestRow[];
  now: Date;
}) {
  const errors = [props.errors.base, props.errors.reason].filter((e): e is string => !!e);
  return (
    <>
      <PageHeader title={m('ask.title')} subtitle={m('ask.intro')} />
      <section class="card sa-narrow">
        <ErrorSummary errors={errors} />
        <form method="post" action="/suporte/solicitar" novalidate>
          <Field
            label={m('ask.base')}
            name="base"
            value={props.values.base}
            required
            inputmode="numeric"
            maxlength={15}
            error={props.errors.base}
          />
          <Field
            label={m('ask.reason')}
            name="motivo"
            value={props.values.reason}
            required
            maxlength={200}
            hint={m('ask.reasonHint')}
            error={props.errors.reason}
          />
          <button type="submit">{m('ask.submit')}</button>
        </form>
      </section>
      <h2 class="sa-section-title">{m('ask.mine')}</h2>
      {props.mine.length === 0 ? (
        <EmptyState>{m('ask.none')}</EmptyState>
      ) : (
        <div class="table-wrap">
          <table data-testid="my-requests">
            <thead>
              <tr>
                <th scope="col">Base</th>
                <th scope="col">Motivo</th>
                <th scope="col">Pedido em</th>
                <th scope="col">Situação</th>
              </tr>
            </thead>
            <tbody>
              {props.mine.map((r) => (
                <tr>
                  <td class="mono">{r.clinicId}</td>
                  <td>{r.reason}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td>
                    <RequestStateBadge row={r} now={props.now} />
                    {requestState(r, props.now) === 'pending' && (
                      <span class="muted small"> · expira {formatDateTime(requestExpiresAt(r))}</span>
                    )}
                    {r.decidedByName && <span class="muted small"> · {r.decidedByName}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
