import { formatDateTime, formatNumber } from '@painel/core/plugin';
import { reportPath } from './test-report-page.tsx';
import type { RequestRow } from '../store/request-store.ts';
import { VERSION_STATES } from '../versions/version-states.ts';
import type { VersionRow } from '../versions/version-store.ts';

/** The request's validation versions, each with its test report (counts, mirror test, approval). */
export function VersionsCard(props: { r: RequestRow; versions: VersionRow[] }) {
  if (props.versions.length === 0) return null;
  return (
    <section class="card" aria-labelledby="versoes" data-testid="versions">
      <h2 id="versoes" class="card-title">
        Versões de validação
      </h2>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Versões de validação e seus relatórios de testes</caption>
          <thead>
            <tr>
              <th scope="col">Versão</th>
              <th scope="col">Situação</th>
              <th scope="col">Criada</th>
              <th scope="col">Disponível até</th>
              <th scope="col">Linhas na homologação</th>
              <th scope="col">Relatório</th>
            </tr>
          </thead>
          <tbody>
            {props.versions.map((v) => (
              <tr>
                <td>
                  {v.number}
                  {props.r.approvedVersionId === v.id && <span class="badge badge-ok"> aprovada</span>}
                </td>
                <td>{VERSION_STATES[v.state]}</td>
                <td>{formatDateTime(v.createdAt)}</td>
                <td>{formatDateTime(v.expiresAt)}</td>
                <td>{formatNumber(Object.values(v.counts).reduce((a, c) => a + (c?.staged ?? 0), 0))}</td>
                <td>
                  <a href={reportPath(v.requestId, v.number)}>Relatório de testes da versão {v.number}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
