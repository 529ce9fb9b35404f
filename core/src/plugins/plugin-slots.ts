import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { Actor } from '../policy/actor.ts';
import { can } from '../policy/policy.ts';
import type { PagePart, UiRegistry } from '../ui/ui-registry.ts';
import type { PluginEnv } from './plugin-env.ts';
import { assertPluginScope, type PluginVariables } from './plugin-env.ts';
import type { PluginContext, PluginSlot, PluginSlotName } from './plugin-types.ts';

export const pluginSlotNames: readonly PluginSlotName[] = ['banner', 'header'];

/**
 * Adds a plugin's slot to the shell: drawn when the plugin is available to the actor (started, not
 * turned off for its reseller), the policy allows the permission and `visible` agrees. A failing
 * render is logged and drawn as nothing: a plugin cannot break core's pages.
 */
export function mountSlot(
  ui: UiRegistry,
  pluginId: string,
  where: PluginSlotName,
  slot: PluginSlot<any>,
  context: PluginContext<any>,
  available: (actor: Actor) => boolean,
): void {
  const part: PagePart = async (c: Context<AppEnv>) => {
    const actor = c.get('actor');
    if (!actor || !available(actor) || !can(actor, slot.permission)) return null;
    if (slot.visible && !slot.visible(actor)) return null;
    try {
      return (await slot.render(slotContext(pluginId, c), context)) ?? null;
    } catch (error) {
      context.log.error({ err: error, slot: where }, 'plugin slot failed to render');
      return null;
    }
  };
  if (where === 'banner') ui.addBanner(part);
  else ui.addHeaderExtra(part);
}

/**
 * The page's request as the slot sees it: `c.get('tx')` refuses the platform and auth scopes. A view,
 * not a change: core goes on rendering the page with its own `tx`.
 */
function slotContext(pluginId: string, c: Context<AppEnv>): Context<PluginEnv> {
  const tx = c.get('tx');
  const sealedTx: PluginVariables['tx'] = (fn, scope) => {
    assertPluginScope(pluginId, scope);
    return tx(fn, scope);
  };
  return new Proxy(c, {
    get(target, key) {
      if (key === 'get') return (name: string) => (name === 'tx' ? sealedTx : target.get(name as never));
      if (key === 'set' || key === 'var') return undefined;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Context<PluginEnv>;
}
