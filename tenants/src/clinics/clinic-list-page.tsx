/** "Bases clínicas": search form (live with htmx, a plain GET form without JS) and the results. */
import { EmptyState, formatNumber, PageHeader, StatusBadge } from '@painel/core/module';
import { formatCnpj } from '../parsing/index.ts';
import { countLabel, PageNav, RowActions, type SelectOption, urlWith } from './admin-ui.tsx';
import type { ClinicPage, StatusFilter } from './clinic-store.ts';

export const RESULTS_ID = 'bases-resultado';

export interface ClinicListParams {
  q: string;
  status: StatusFilter;
  /** Platform admins: the chosen singular's code ('' = all). */
  singular: string;
}

export const statusParam: Record<StatusFilter, string> = { all: '', active: 'ativas', inactive: 'inativas' };

export function readStatusParam(value: string | undefined): StatusFilter {
  if (value === 'ativas') return 'active';
  if (value === 'inativas') return 'inactive';
  return 'all';
}

export function listHref(params: ClinicListParams, page = 1): string {
  return urlWith('/bases', {
    q: params.q.trim(),
    situacao: statusParam[params.status],
    singular: params.singular,
    pagina: page > 1 ? page : null,
  });
}

function Location(props: { city: string | null; uf: string | null }) {
  if (!props.city && !props.uf) return <span class="muted">—</span>;
  return <span>{[props.city, props.uf].filter(Boolean).join(' / ')}</span>;
}

export function ClinicResults(props: { result: ClinicPage; params: ClinicListParams; showReseller: boolean }) {
  const { result, params } = props;
  const filtered = params.q.trim() !== '' || params.status !== 'all';
  const summary = result.capped
    ? `Mais de ${formatNumber(result.total)} bases encontradas`
    : countLabel(result.total, filtered ? 'base encontrada' : 'base', filtered ? 'bases encontradas' : 'bases', 'Nenhuma base encontrada');
  return (
    <div id={RESULTS_ID} class="clinic-results">
      <p class="results-summary" aria-live="polite" data-testid="clinic-count">
        <strong>{summary}</strong>
        {params.q.trim() !== '' && <span class="muted"> para “{params.q.trim()}”</span>}
      </p>
      {result.rows.length === 0 ? (
        <EmptyState>
          {filtered
            ? 'Nenhuma base corresponde à busca. Confira o nome ou o id da base, ou limpe os filtros.'
            : 'Ainda não há bases clínicas cadastradas.'}
        </EmptyState>
      ) : (
        <div class="table-wrap">
          <table class="clinic-table">
            <thead>
              <tr>
                <th scope="col">Id da base</th>
                <th scope="col">Nome</th>
                {props.showReseller && <th scope="col">Singular</th>}
                <th scope="col">CNPJ</th>
                <th scope="col">Cidade / UF</th>
                <th scope="col">Situação</th>
                <th scope="col">
                  <span class="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {result.rows.map((row) => (
                <tr data-testid="clinic-row" data-base-id={String(row.id)}>
                  <td class="mono">{row.id}</td>
                  <td>
                    <a href={`/bases/${row.id}`} class="row-title">
                      {row.name}
                    </a>
                  </td>
                  {props.showReseller && (
                    <td class="small reseller-cell">
                      {row.resellerName}
                      <span class="muted mono">{row.resellerCode}</span>
                    </td>
                  )}
                  <td class="mono nowrap">{row.cnpj ? formatCnpj(row.cnpj) : <span class="muted">—</span>}</td>
                  <td>
                    <Location city={row.city} uf={row.uf} />
                  </td>
                  <td>
                    <StatusBadge active={row.status === 'active'} />
                  </td>
                  <td>
                    <RowActions href={`/bases/${row.id}`} name={row.name} active={row.status === 'active'} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PageNav
        page={result.page}
        pageCount={result.pageCount}
        href={(page) => listHref(params, page)}
        htmxTarget={`#${RESULTS_ID}`}
      />
    </div>
  );
}

export function ClinicListPage(props: {
  title: string;
  subtitle: string;
  params: ClinicListParams;
  result: ClinicPage;
  showReseller: boolean;
  /** Platform admins choose a singular; reseller admins get no select. */
  resellerOptions: SelectOption[] | null;
}) {
  const { params } = props;
  const live = {
    'hx-get': '/bases',
    'hx-target': `#${RESULTS_ID}`,
    'hx-swap': 'outerHTML',
    'hx-push-url': 'true',
    'hx-include': 'closest form',
  };
  const newHref = urlWith('/bases/nova', { singular: params.singular });
  const importHref = urlWith('/bases/importar', { singular: params.singular });
  return (
    <>
      <PageHeader
        title={props.title}
        subtitle={props.subtitle}
        actions={
          <>
            <a href={importHref} role="button" class="secondary outline">
              Importar CSV
            </a>
            <a href={newHref} role="button">
              Nova base
            </a>
          </>
        }
      />
      <form method="get" action="/bases" class="search-form clinic-search card" role="search" hx-get="/bases" hx-target={`#${RESULTS_ID}`} hx-swap="outerHTML" hx-push-url="true">
        <label for="f-q" class="grow">
          Buscar
          <input
            id="f-q"
            type="search"
            name="q"
            value={params.q}
            maxlength={100}
            placeholder="Nome, id da base ou CNPJ"
            autocomplete="off"
            aria-describedby="f-q-hint"
            {...live}
            hx-trigger="input changed delay:300ms, search"
          />
        </label>
        <label for="f-situacao">
          Situação
          <select id="f-situacao" name="situacao" {...live} hx-trigger="change">
            <option value="" selected={params.status === 'all'}>
              Todas
            </option>
            <option value="ativas" selected={params.status === 'active'}>
              Ativas
            </option>
            <option value="inativas" selected={params.status === 'inactive'}>
              Inativas
            </option>
          </select>
        </label>
        {props.resellerOptions && (
          <label for="f-singular">
            Singular
            <select id="f-singular" name="singular" {...live} hx-trigger="change">
              <option value="">Todas as singulares</option>
              {props.resellerOptions.map((o) => (
                <option value={o.value} selected={o.value === params.singular}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="submit">Buscar</button>
        <small id="f-q-hint" class="search-hint">
          Palavras do nome em qualquer ordem, com ou sem acentos. Só números: busca pelo id da base.
        </small>
      </form>
      <ClinicResults result={props.result} params={params} showReseller={props.showReseller} />
    </>
  );
}
