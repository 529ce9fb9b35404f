import { AuditDetailsList, DateInput, EmailText, EmptyState, ErrorSummary, formatDateTimeSeconds, PageHeader } from '@painel/core/module';
import { actionFilterOptions, describeAction } from './action-labels.ts';
import { type AuditFilters, auditQueryString } from './audit-filters.ts';
import type { AuditRow } from './audit-query.ts';

export interface AuditPageProps {
  filters: AuditFilters;
  errors: string[];
  rows: AuditRow[];
  hasNext: boolean;
  showReseller: boolean;
}

function Details(props: { row: AuditRow }) {
  const { row } = props;
  const extra = [row.actingFor && `Agindo por: ${row.actingFor}`, row.requestId && `Requisição: ${row.requestId}`].filter(Boolean);
  if (!row.details && extra.length === 0) return null;
  return (
    <details class="ua-audit-details">
      <summary>ver detalhes</summary>
      {extra.map((e) => (
        <div class="small">{e}</div>
      ))}
      {row.details && <AuditDetailsList details={row.details} />}
    </details>
  );
}

export function AuditResults(props: AuditPageProps) {
  const { rows, filters } = props;
  const last = rows[rows.length - 1];
  return (
    <div id="audit-results">
      {rows.length === 0 ? (
        <EmptyState>Nenhum registro encontrado com esses filtros.</EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="ua-audit-table">
            <thead>
              <tr>
                <th scope="col">Data e hora</th>
                <th scope="col">Quem</th>
                {props.showReseller && <th scope="col">Singular</th>}
                <th scope="col">Base</th>
                <th scope="col">Ação</th>
                <th scope="col">Resultado</th>
                <th scope="col">IP</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr data-testid="audit-row" data-id={String(row.id)}>
                  <td class="ua-nowrap">
                    {formatDateTimeSeconds(row.at).split(' ')[0]}
                    <div class="muted small">{formatDateTimeSeconds(row.at).split(' ')[1]}</div>
                  </td>
                  <td class="ua-break">{row.actorEmail ? <EmailText email={row.actorEmail} /> : <span class="muted">sistema</span>}</td>
                  {props.showReseller && <td>{row.resellerName ?? <span class="muted">—</span>}</td>}
                  <td>
                    {row.clinicId !== null ? (
                      <>
                        {row.clinicName ?? 'Base'}
                        <div class="muted small mono">id {row.clinicId}</div>
                      </>
                    ) : (
                      <span class="muted">—</span>
                    )}
                  </td>
                  <td>
                    <span data-action={row.action}>{describeAction(row.action)}</span>
                    {row.target && <div class="muted small">{row.target}</div>}
                    <Details row={row} />
                  </td>
                  <td>
                    <span class={`badge ${row.outcome === 'allowed' ? 'badge-ok' : 'badge-danger'}`}>{row.outcome === 'allowed' ? 'permitido' : 'negado'}</span>
                  </td>
                  <td class="mono small">{row.ip ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="pagination" aria-label="Paginação">
        {filters.before !== null ? <a href={`/auditoria${auditQueryString(filters)}`}>← Mais recentes</a> : <span />}
        <span class="muted">Mais recentes primeiro</span>
        {props.hasNext && last ? <a href={`/auditoria${auditQueryString(filters, { antes: String(last.id) })}`}>Mais antigos →</a> : <span />}
      </nav>
    </div>
  );
}

export function AuditPage(props: AuditPageProps) {
  const { filters } = props;
  return (
    <>
      <PageHeader
        title="Auditoria"
        subtitle="Tudo o que foi feito no Painel: quem, em qual base, o quê, quando e de onde. O registro não pode ser alterado."
        actions={
          <a href={`/auditoria/exportar.csv${auditQueryString(filters)}`} role="button" class="secondary" download>
            Exportar CSV
          </a>
        }
      />
      <ErrorSummary errors={props.errors} />
      <form method="get" action="/auditoria" class="card ua-filters-grid" role="search" aria-label="Filtros da auditoria">
        <label>
          Quem (e-mail)
          <input type="search" name="quem" value={filters.who} placeholder="fulano@clinica.com.br" maxlength={254} />
        </label>
        <label>
          Id da base
          <input type="text" name="base" value={filters.base ?? ''} inputmode="numeric" maxlength={9} placeholder="Todas" />
        </label>
        <label>
          Ação
          <select name="acao">
            <option value="">Todas</option>
            {actionFilterOptions.map((o) => (
              <option value={o.value} selected={filters.action === o.value}>
                {o.label}
              </option>
            ))}
            {filters.action && !actionFilterOptions.some((o) => o.value === filters.action) && (
              <option value={filters.action} selected>
                {describeAction(filters.action)}
              </option>
            )}
          </select>
        </label>
        <label>
          Resultado
          <select name="resultado">
            <option value="">Todos</option>
            <option value="allowed" selected={filters.outcome === 'allowed'}>
              Permitido
            </option>
            <option value="denied" selected={filters.outcome === 'denied'}>
              Negado
            </option>
          </select>
        </label>
        <label>
          De
          <DateInput name="de" value={filters.fromText} />
        </label>
        <label>
          Até
          <DateInput name="ate" value={filters.toText} />
        </label>
        <div class="ua-filters-actions">
          <button type="submit">Filtrar</button>
          <a href="/auditoria" class="secondary">
            Limpar
          </a>
        </div>
      </form>
      <AuditResults {...props} />
    </>
  );
}
