import { EmptyState, PageHeader } from '../../ui/components.tsx';
import { formatDateTime } from '../../ui/format.ts';
import type { HostedPlugin } from '../hosted-plugin.ts';

export interface ModuleSwitchRow {
  plugin: HostedPlugin;
  enabled: boolean;
  updatedAt: Date | null;
}

/** One plugin's row on the singular's "Módulos" page (also the htmx answer after a switch). */
export function ModuleSwitchRowView({ row }: { row: ModuleSwitchRow }) {
  const { definition } = row.plugin;
  const action = `/modulos/${definition.id}`;
  const verb = row.enabled ? 'Desligar' : 'Ligar';
  return (
    <tr id={`modulo-${definition.id}`} data-testid={`module-${definition.id}`}>
      <td>
        <strong>{definition.displayName}</strong>
        <div class="small muted">{definition.description}</div>
      </td>
      <td>{row.enabled ? <span class="badge badge-ok">Ligado</span> : <span class="badge badge-muted">Desligado</span>}</td>
      <td class="small muted">{row.updatedAt ? formatDateTime(row.updatedAt) : 'padrão (ligado)'}</td>
      <td>
        <form method="post" action={action} hx-post={action} hx-target="closest tr" hx-swap="outerHTML">
          <input type="hidden" name="enabled" value={row.enabled ? 'false' : 'true'} />
          <button type="submit" class={row.enabled ? 'secondary outline' : ''} aria-label={`${verb} ${definition.displayName} para as clínicas da singular`}>
            {verb}
          </button>
        </form>
      </td>
    </tr>
  );
}

/** The singular's modules: every installed plugin, on or off for all of its clinics. */
export function ResellerModulesPage({ rows, resellerName }: { rows: ModuleSwitchRow[]; resellerName: string }) {
  return (
    <>
      <PageHeader
        title="Módulos"
        subtitle={`Ligue ou desligue os módulos para as clínicas da ${resellerName}. Desligado, o módulo some do menu dos usuários das suas clínicas e suas páginas deixam de responder; os dados são mantidos e voltam quando ele for ligado de novo.`}
      />
      {rows.length === 0 ? (
        <EmptyState>Nenhum módulo instalado no Painel.</EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Módulos da singular</caption>
            <thead>
              <tr>
                <th scope="col">Módulo</th>
                <th scope="col">Situação</th>
                <th scope="col">Alterado em</th>
                <th scope="col">
                  <span class="visually-hidden">Ações</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <ModuleSwitchRowView row={row} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
