import type { CoreServices } from '../../app/services.ts';
import type { Db } from '../../db/types.ts';
import { HttpError } from '../../http/http-error.ts';
import type { ScreenRouter } from '../../http/screen-router.ts';
import { isHtmx, renderPage } from '../../ui/render.tsx';
import { readPluginRow, setPluginEnabled } from '../enablement.ts';
import type { HostedPlugin, PluginCatalogue } from '../hosted-plugin.ts';
import { type ModuleSwitchRow, ModuleSwitchRowView, ResellerModulesPage } from './reseller-modules-page.tsx';
import { resellers } from '../../db/schema/index.ts';
import { eq } from 'drizzle-orm';

const meta = { permission: 'reseller.admin', dataClass: 'general' } as const;

async function switchRow(tx: Db, resellerId: number, plugin: HostedPlugin): Promise<ModuleSwitchRow> {
  const row = await readPluginRow(tx, resellerId, plugin.definition.id);
  return { plugin, enabled: row?.enabled ?? true, updatedAt: row?.updatedAt ?? null };
}

/**
 * "Módulos" (SPEC §7): a singular's admin turns each installed plugin on or off for all of its clinics,
 * audited. Row-level security limits the switch to the singular's own row; the platform keeps its
 * per-singular page (/plataforma/plugins/<id>).
 */
export function resellerModulesRoutes(router: ScreenRouter, services: CoreServices, host: PluginCatalogue): void {
  if (host.plugins.length === 0) return;
  services.ui.addNav({ label: 'Módulos', href: '/modulos', permission: 'reseller.admin', section: 'admin', order: 85 });

  const resellerOf = (user: { resellerId: number | null } | null): number => {
    if (!user?.resellerId) throw new HttpError(403);
    return user.resellerId;
  };

  router.get('/modulos', { ...meta, screen: 'Módulos' }, async (c) => {
    const resellerId = resellerOf(c.get('actor').user);
    const data = await c.get('tx')(async (tx) => {
      const [reseller] = await tx.select({ name: resellers.name }).from(resellers).where(eq(resellers.id, resellerId));
      const rows: ModuleSwitchRow[] = [];
      for (const plugin of host.plugins) rows.push(await switchRow(tx, resellerId, plugin));
      return { name: reseller?.name ?? 'singular', rows };
    });
    return renderPage(c, { title: 'Módulos', body: <ResellerModulesPage rows={data.rows} resellerName={data.name} /> });
  });

  router.post('/modulos/:pluginId', { ...meta, screen: 'Ligar ou desligar módulo' }, async (c) => {
    const plugin = host.get(c.req.param('pluginId') ?? '');
    if (!plugin) throw new HttpError(404);
    const user = c.get('actor').user!;
    const resellerId = resellerOf(user);
    const value = (await c.req.parseBody()).enabled;
    if (value !== 'true' && value !== 'false') {
      throw new HttpError(400, 'Escolha ligar ou desligar o módulo. Nada foi alterado.', { title: 'Pedido inválido' });
    }
    const enabled = value === 'true';
    const id = plugin.definition.id;
    const row = await c.get('tx')(async (tx) => {
      const current = await switchRow(tx, resellerId, plugin);
      if (current.enabled !== enabled) {
        await setPluginEnabled(tx, { resellerId, pluginId: id, enabled, userId: user.id, now: services.clock.now() });
        await services.audit.append(
          {
            action: enabled ? 'plugin.enabled' : 'plugin.disabled',
            actorUserId: user.id,
            actorEmail: user.email,
            resellerId,
            target: `plugin ${id}`,
            ip: c.get('clientIp'),
            requestId: c.get('requestId'),
            details: { plugin: id, enabled, by: 'singular' },
          },
          tx,
        );
      }
      return switchRow(tx, resellerId, plugin);
    });
    if (isHtmx(c)) return c.html(<ModuleSwitchRowView row={row} />);
    await c.get('flash')(`${plugin.definition.displayName} ${enabled ? 'ligado' : 'desligado'} para as clínicas da singular.`, 'success');
    return c.redirect('/modulos', 303);
  });
}
