/** "Bases clínicas": search form (live with htmx, a plain GET form without JS) and the results. */
import { EmptyState, formatNumber, PageHeader, t } from '@painel/core/module';
import { html } from 'hono/html';
import { formatCnpj } from '../parsing/index.ts';
import { countLabel, PageNav, type SelectOption, urlWith } from './admin-ui.tsx';
import type { ClinicListRow, ClinicPage, StatusFilter } from './clinic-store.ts';

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

const dash = html`<span class="muted">—</span>`;

/**
 * One result row. The table is most of the screen (50 rows, ~800 elements), so its rows are written
 * with hono's `html` template — about 8× cheaper per element than JSX, with the same escaping. The
 * markup is the one of core's StatusBadge and of RowActions (clinic-list-page.test.tsx holds them equal).
 */
export function clinicRow(row: ClinicListRow, showReseller: boolean) {
  const href = `/bases/${row.id}`;
  const active = row.status === 'active';
  const place = [row.city, row.uf].filter(Boolean).join(' / ');
  const reseller = showReseller ? html`<td class="small reseller-cell">${row.resellerName}<span class="muted mono">${row.resellerCode}</span></td>` : '';
  const badge = html`<span class="badge ${active ? 'badge-ok' : 'badge-muted'}">${active ? t('common.active') : t('common.inactive')}</span>`;
  const toggle = active
    ? html`<a href="${href}/desativar" role="button" class="secondary outline" aria-label="Desativar ${row.name}">Desativar</a>`
    : html`<a href="${href}/reativar" role="button" class="outline" aria-label="Reativar ${row.name}">Reativar</a>`;
  const actions = html`<div class="actions-cell"><a href="${href}" role="button" class="secondary outline" aria-label="Editar ${row.name}">Editar</a>${toggle}</div>`;
  return html`<tr data-testid="clinic-row" data-base-id="${row.id}"><td class="mono">${row.id}</td><td><a href="${href}" class="row-title">${row.name}</a></td>${reseller}<td class="mono nowrap">${row.cnpj ? formatCnpj(row.cnpj) : dash}</td><td>${place ? html`<span>${place}</span>` : dash}</td><td>${badge}</td><td>${actions}</td></tr>`;
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
              {result.rows.map((row) => clinicRow(row, props.showReseller))}
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
