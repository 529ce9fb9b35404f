import type { CoreServices } from '../../app/services.ts';
import { HttpError } from '../../http/http-error.ts';
import type { ScreenRouter } from '../../http/screen-router.ts';
import { isHtmx, renderPage } from '../../ui/render.tsx';
import { coreVersion } from '../core-version.ts';
import { setPluginEnabled } from '../enablement.ts';
import { loadMigrationStatuses, loadPluginSummaries, loadResellerToggle, loadResellerToggles } from './plugin-admin-data.ts';
import type { PluginCatalogue } from '../hosted-plugin.ts';
import { PluginResellersPage, ToggleRow } from './plugin-resellers-page.tsx';
import { PluginsPage } from './plugins-page.tsx';

const meta = { permission: 'platform.admin', dataClass: 'general' } as const;

/**
 * The platform's plugins page: installed plugins (version, migrations, health, jobs) and, per plugin,
 * a per-reseller on/off toggle (a plain form; htmx swaps the row in place when available).
 */
export function pluginAdminRoutes(router: ScreenRouter, services: CoreServices, host: PluginCatalogue): void {
  services.ui.addNav({ label: 'Plugins', href: '/plataforma/plugins', permission: 'platform.admin', section: 'admin', order: 90 });

  const pluginOr404 = (id: string) => {
    const plugin = host.get(id);
    if (!plugin) throw new HttpError(404);
    return plugin;
  };

  router.get('/plataforma/plugins', { ...meta, screen: 'Plugins' }, async (c) => {
    const migrations = await loadMigrationStatuses(services.db, host);
    const summaries = await c.get('tx')((tx) => loadPluginSummaries(tx, host, migrations));
    return renderPage(c, { title: 'Plugins', body: <PluginsPage summaries={summaries} coreVersion={coreVersion} /> });
  });

  router.get('/plataforma/plugins/:pluginId', { ...meta, screen: 'Plugin nas singulares' }, async (c) => {
    const plugin = pluginOr404(c.req.param('pluginId') ?? '');
    const q = (c.req.query('q') ?? '').slice(0, 100);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('pagina') ?? '1', 10) || 1));
    const { rows, hasNext } = await c.get('tx')((tx) => loadResellerToggles(tx, plugin.definition.id, { q, page }));
    const back = new URL(c.req.url).pathname + new URL(c.req.url).search;
    return renderPage(c, {
      title: `${plugin.definition.displayName} nas singulares`,
      body: <PluginResellersPage plugin={plugin} rows={rows} q={q} page={page} hasNext={hasNext} back={back} />,
    });
  });

  router.post('/plataforma/plugins/:pluginId/singulares/:resellerId', { ...meta, screen: 'Ligar ou desligar plugin' }, async (c) => {
    const plugin = pluginOr404(c.req.param('pluginId') ?? '');
    const id = plugin.definition.id;
    const resellerId = Number(c.req.param('resellerId'));
    if (!Number.isSafeInteger(resellerId) || resellerId <= 0) throw new HttpError(404);
    const form = await c.req.parseBody();
    const value = form.enabled;
    if (value !== 'true' && value !== 'false') {
      throw new HttpError(400, 'Escolha ligar ou desligar o plugin. Nada foi alterado.', { title: 'Pedido inválido' });
    }
    const enabled = value === 'true';
    const actor = c.get('actor');
    const row = await c.get('tx')(async (tx) => {
      const current = await loadResellerToggle(tx, id, resellerId);
      if (!current) throw new HttpError(404);
      if (current.enabled !== enabled) {
        await setPluginEnabled(tx, { resellerId, pluginId: id, enabled, userId: actor.user!.id, now: services.clock.now() });
        await services.audit.append(
          {
            action: enabled ? 'plugin.enabled' : 'plugin.disabled',
            actorUserId: actor.user!.id,
            actorEmail: actor.user!.email,
            resellerId,
            target: `plugin ${id}`,
            ip: c.get('clientIp'),
            requestId: c.get('requestId'),
            details: { plugin: id, enabled },
          },
          tx,
        );
      }
      return loadResellerToggle(tx, id, resellerId);
    });
    const requested = typeof form.voltar === 'string' ? form.voltar : '';
    const home = `/plataforma/plugins/${id}`;
    const back = requested === home || requested.startsWith(`${home}?`) ? requested : home;
    if (isHtmx(c)) return c.html(<ToggleRow pluginId={id} row={row!} back={back} />);
    await c.get('flash')(
      `${plugin.definition.displayName} ${enabled ? 'ligado' : 'desligado'} para ${row!.name} (${row!.code}).`,
      'success',
    );
    return c.redirect(back, 303);
  });
}
