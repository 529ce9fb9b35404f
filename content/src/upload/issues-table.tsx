import { formatNumber } from '@painel/core/module';
import type { Notice, ValidationIssue } from '../validation/index.ts';

/** Every problem of a rejected file, located: linha, coluna, trecho and the pt-BR message. */
export function IssuesTable({ issues }: { issues: ValidationIssue[] }) {
  return (
    <div class="table-wrap">
      <table data-testid="upload-errors" class="issues-table">
        <caption class="visually-hidden">Problemas encontrados no arquivo</caption>
        <thead>
          <tr>
            <th scope="col">Linha</th>
            <th scope="col">Coluna</th>
            <th scope="col">Trecho</th>
            <th scope="col">Mensagem</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue) => (
            <tr data-testid="upload-error">
              <td class="num" data-col="linha">
                {formatNumber(issue.line)}
              </td>
              <td class="num" data-col="coluna">
                {formatNumber(issue.column)}
              </td>
              <td class="snippet-cell">
                {issue.snippet ? <code class="mono snippet">{issue.snippet}</code> : <span class="muted">—</span>}
              </td>
              <td data-col="mensagem">{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the validator fixed by itself (the seed's fragment shape, a BOM, trailing commas…). */
export function NoticesList({ notices, title }: { notices: Notice[]; title: string }) {
  if (notices.length === 0) return null;
  return (
    <div class="flash flash-info notices" data-testid="upload-notices">
      <strong>{title}</strong>
      <ul>
        {notices.map((n) => (
          <li>{n.message}</li>
        ))}
      </ul>
    </div>
  );
}
