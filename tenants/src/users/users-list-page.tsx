import { EmptyState, PageHeader, Pagination } from '@painel/core/module';
import { roleLabel } from './roles.tsx';
import { UserStatusBadge } from './status-badge.tsx';
import type { UserArea } from './user-area.ts';
import { type UserFilters, type UserRow, userStatuses } from './users-queries.ts';

const statusOptions: Record<(typeof userStatuses)[number], string> = {
  active: 'Ativos',
  invited: 'Convite pendente',
  inactive: 'Desativados',
};

export function usersQueryString(filters: UserFilters, page = filters.page): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('situacao', filters.status);
  if (filters.base !== null) params.set('base', String(filters.base));
  if (page > 1) params.set('pagina', String(page));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const maxBasesShown = 3;

function BasesCell(props: { row: UserRow; area: UserArea }) {
  const { row, area } = props;
  if (row.kind === 'reseller_admin') return <span class="badge badge-info">Administrador da singular</span>;
  if (row.bases.length === 0) return <span class="muted">—</span>;
  if (area.kind === 'clinic') return <>{roleLabel(row.bases[0]!.role)}</>;
  const shown = row.bases.slice(0, maxBasesShown);
  const more = row.bases.length - shown.length;
  return (
    <ul class="compact-list">
      {shown.map((b) => (
        <li>
          {b.clinicName} <span class="muted mono">· {b.clinicId}</span> — {roleLabel(b.role)}
        </li>
      ))}
      {more > 0 && <li class="muted">e mais {more} {more === 1 ? 'base' : 'bases'}</li>}
    </ul>
  );
}

/** The table and pagination (the part htmx swaps while searching). */
export function UsersResults(props: { rows: UserRow[]; hasNext: boolean; filters: UserFilters; area: UserArea }) {
  const { rows, filters, area } = props;
  const filtered = !!(filters.q || filters.status || filters.base !== null);
  return (
    <div id="users-results">
      {rows.length === 0 ? (
        <EmptyState>{filtered ? 'Nenhum usuário encontrado com esses filtros.' : 'Nenhum usuário ainda. Convide o primeiro.'}</EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Nome</th>
                <th scope="col">{area.kind === 'reseller' ? 'Bases e perfis' : 'Perfil nesta base'}</th>
                <th scope="col">Situação</th>
                <th scope="col">
                  <span class="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr data-testid="user-row">
                  <td>
                    <a href={`/usuarios/${row.id}`}>
                      <strong>{row.name}</strong>
                    </a>
                    <br />
                    <span class="muted small">{row.email}</span>
                  </td>
                  <td>
                    <BasesCell row={row} area={area} />
                  </td>
                  <td>
                    <UserStatusBadge status={row.status} />
                  </td>
                  <td>
                    <div class="actions-cell">
                      <a href={`/usuarios/${row.id}`} role="button" class="secondary outline">
                        {area.readOnly ? 'Ver' : 'Gerenciar'}
                      </a>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} hasNext={props.hasNext} makeHref={(p) => `/usuarios${usersQueryString(filters, p)}`} />
    </div>
  );
}

export function UsersListPage(props: {
  area: UserArea;
  areaLabel: string;
  filters: UserFilters;
  rows: UserRow[];
  hasNext: boolean;
}) {
  const { area, filters } = props;
  return (
    <>
      <PageHeader
        title="Usuários"
        subtitle={props.areaLabel}
        actions={
          <>
            {area.kind === 'reseller' && (
              <>
                <a href="/usuarios/multi-clinica" role="button" class="secondary outline">
                  Multi clínica
                </a>
                <a href="/usuarios/administradores" role="button" class="secondary outline">
                  Convidar administrador
                </a>
              </>
            )}
            {!area.readOnly && (
              <a href="/usuarios/convidar" role="button">
                Convidar usuário
              </a>
            )}
          </>
        }
      />
      <form
        method="get"
        action="/usuarios"
        class="search-form ua-filters-form"
        aria-label="Buscar usuários"
        hx-get="/usuarios"
        hx-target="#users-results"
        hx-swap="outerHTML"
        hx-trigger="input delay:300ms, change, submit"
        hx-push-url="true"
      >
        <label>
          Buscar
          <input type="search" name="q" value={filters.q} placeholder="Nome ou e-mail" maxlength={200} />
        </label>
        <label>
          Situação
          <select name="situacao">
            <option value="">Todas</option>
            {userStatuses.map((s) => (
              <option value={s} selected={filters.status === s}>
                {statusOptions[s]}
              </option>
            ))}
          </select>
        </label>
        {area.kind === 'reseller' && (
          <label class="ua-narrow">
            Id da base
            <input type="text" name="base" inputmode="numeric" value={filters.base ?? ''} placeholder="Todas" maxlength={9} />
          </label>
        )}
        <button type="submit">Buscar</button>
      </form>
      <UsersResults rows={props.rows} hasNext={props.hasNext} filters={filters} area={area} />
    </>
  );
}
