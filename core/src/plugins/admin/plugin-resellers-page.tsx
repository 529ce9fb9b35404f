import { EmptyState, PageHeader, Pagination } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import type { ResellerToggleRow } from './plugin-admin-data.ts';
import type { HostedPlugin } from '../hosted-plugin.ts';
import { HealthBadge } from './plugins-page.tsx';

export function toggleAction(pluginId: string, resellerId: number): string {
  return `/plataforma/plugins/${pluginId}/singulares/${resellerId}`;
}

/** One reseller's row; also the htmx response after a toggle (swapped in place). */
export function ToggleRow({ pluginId, row, back }: { pluginId: string; row: ResellerToggleRow; back: string }) {
  const action = toggleAction(pluginId, row.resellerId);
  const verb = row.enabled ? 'Desligar' : 'Ligar';
  return (
    <tr id={`singular-${row.resellerId}`} data-testid={`reseller-${row.code}`}>
      <td class="mono">{row.code}</td>
      <td>
        {row.name}
        {row.status === 'inactive' && <span class="badge badge-muted plugin-event">singular inativa</span>}
      </td>
      <td>
        {row.enabled ? <span class="badge badge-ok">Ligado</span> : <span class="badge badge-muted">Desligado</span>}
      </td>
      <td class="small muted">{row.updatedAt ? formatDateTime(row.updatedAt) : 'padrão (ligado)'}</td>
      <td>
        <div class="actions-cell">
          <form method="post" action={action} hx-post={action} hx-target="closest tr" hx-swap="outerHTML">
            <input type="hidden" name="enabled" value={row.enabled ? 'false' : 'true'} />
            <input type="hidden" name="voltar" value={back} />
            <button
              type="submit"
              class={row.enabled ? 'secondary outline' : ''}
              aria-label={`${verb} o plugin para ${row.name}`}
            >
              {verb}
            </button>
          </form>
        </div>
      </td>
    </tr>
  );
}

export function PluginResellersPage(props: {
  plugin: HostedPlugin;
  rows: ResellerToggleRow[];
  q: string;
  page: number;
  hasNext: boolean;
  back: string;
}) {
  const { definition, health } = props.plugin;
  const id = definition.id;
  const href = (page: number) => `/plataforma/plugins/${id}?${new URLSearchParams({ ...(props.q ? { q: props.q } : {}), pagina: String(page) })}`;
  return (
    <>
      <p class="small">
        <a href="/plataforma/plugins">← Plugins</a>
      </p>
      <PageHeader
        title={`${definition.displayName} nas singulares`}
        subtitle="Desligado para uma singular, o plugin some do menu dos usuários dela e suas páginas respondem “página não encontrada”. Os dados são mantidos e voltam quando ele for ligado de novo."
        actions={
          <>
            <span class="badge badge-info">versão {definition.version}</span> <HealthBadge health={health} />
          </>
        }
      />
      <form method="get" action={`/plataforma/plugins/${id}`} class="search-form" role="search">
        <label for="q-singular">
          Buscar singular
          <input id="q-singular" name="q" type="search" value={props.q} placeholder="Nome ou código (ex.: 0101)" />
        </label>
        <button type="submit">Buscar</button>
      </form>
      {props.rows.length === 0 ? (
        <EmptyState>{props.q ? `Nenhuma singular encontrada para “${props.q}”.` : 'Nenhuma singular cadastrada.'}</EmptyState>
      ) : (
        <div class="table-wrap plugin-toggles">
          <table>
            <thead>
              <tr>
                <th scope="col">Código</th>
                <th scope="col">Singular</th>
                <th scope="col">Plugin</th>
                <th scope="col">Alterado em</th>
                <th scope="col">
                  <span class="plugin-sr-only">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
                <ToggleRow pluginId={id} row={row} back={props.back} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={props.page} hasNext={props.hasNext} makeHref={href} />
    </>
  );
}
