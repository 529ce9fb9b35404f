import { EmptyState, formatNumber, PageHeader, plural } from '@painel/core/module';
import { importResultCsv, type ImportResultRow, resultOutcome } from './import-result.ts';

/** Rows listed on the page; the CSV always has every row. */
export const RESULT_ROWS_SHOWN = 500;

/** After a confirmed import: the summary, every row's result (created with which id, or why skipped) and its CSV. */
export function ImportResultPage(props: { fileName: string; rows: ImportResultRow[]; basesHref: string }) {
  const created = props.rows.filter((r) => r.baseId !== null).length;
  const skipped = props.rows.length - created;
  const csv = `data:text/csv;charset=utf-8,${encodeURIComponent(importResultCsv(props.rows))}`;
  const download = `resultado-importacao-${props.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-')}.csv`;
  const shown = props.rows.slice(0, RESULT_ROWS_SHOWN);
  return (
    <>
      <PageHeader
        title="Resultado da importação"
        subtitle={`“${props.fileName}”: ${plural(created, { one: 'base criada', other: 'bases criadas' })}${skipped > 0 ? `; ${plural(skipped, { one: 'linha ignorada', other: 'linhas ignoradas' })} por erro` : ''}.`}
        actions={
          <>
            <a href={csv} download={download} role="button" data-testid="result-csv">
              Baixar resultado (CSV)
            </a>
            <a href={props.basesHref} role="button" class="secondary outline">
              Ver bases
            </a>
          </>
        }
      />
      <p class="muted small">Guarde o CSV: ele lista cada linha do arquivo com o id da base criada ou o motivo de ter sido ignorada.</p>
      {shown.length === 0 ? (
        <EmptyState>O arquivo não tinha linhas.</EmptyState>
      ) : (
        <div class="table-wrap">
          <table data-testid="import-result">
            <thead>
              <tr>
                <th scope="col">Linha</th>
                <th scope="col">Nome</th>
                <th scope="col">Resultado</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr data-testid="result-row" data-line={String(r.line)} data-base-id={r.baseId === null ? undefined : String(r.baseId)}>
                  <td class="mono">{r.line}</td>
                  <td>{r.name}</td>
                  <td>
                    <span class={`badge ${r.baseId !== null ? 'badge-ok' : 'badge-danger'}`}>{resultOutcome(r)}</span>
                    {r.problems.length > 0 && <div class="small">{r.problems.join(' ')}</div>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {props.rows.length > shown.length && (
        <p class="muted small">
          Mostrando as primeiras {formatNumber(shown.length)} de {formatNumber(props.rows.length)} linhas; o CSV tem todas.
        </p>
      )}
    </>
  );
}
