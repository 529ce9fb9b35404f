import { formatDate } from '@painel/core/plugin';
import type { RequestRow } from '../store/request-store.ts';
import { NextStep, StateTag } from './deadline.tsx';

export const requestPath = (id: number) => `/p/migration/solicitacoes/${id}`;

/** The requests list of every audience: number, base, legacy system, state, who acts next and by when. */
export function RequestTable(props: { rows: RequestRow[]; now: Date; showReseller: boolean; caption: string }) {
  return (
    <div class="table-wrap">
      <table data-testid="request-table">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Nº</th>
            <th scope="col">Base clínica</th>
            <th scope="col">Sistema legado</th>
            <th scope="col">Etapa</th>
            <th scope="col">Próximo passo</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr data-request={r.id}>
              <td class="mono">
                <a href={requestPath(r.id)}>#{r.id}</a>
              </td>
              <td>
                <a href={requestPath(r.id)}>{r.clinicName}</a>
                <br />
                <small class="muted">
                  id da base {r.clinicId}
                  {props.showReseller && <> · {r.resellerName}</>} · aberta em {formatDate(r.openedAt)}
                </small>
              </td>
              <td>
                {r.legacySystemName} <small class="muted">{r.legacyVersion}</small>
              </td>
              <td>
                <StateTag state={r.state} round={r.validationRound} />
              </td>
              <td>
                <NextStep state={r.state} dueAt={r.dueAt} dueSide={r.dueSide} now={props.now} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
