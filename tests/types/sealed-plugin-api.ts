/**
 * Compile-time checks of the sealed plugin API: `npm run typecheck` fails as soon as one of these
 * stops being an error (an unused `@ts-expect-error` is itself an error). Never executed.
 */
import type { PluginContext, PluginHandler } from '@painel/core/plugin';

export const readsRequest: PluginHandler = async (c) => {
  // @ts-expect-error core's services (and the owner connection in them) are not part of a plugin's request
  void c.get('services');
  // @ts-expect-error not through c.var either
  void c.var.services;
  // @ts-expect-error nor the session record
  void c.get('session');
  // @ts-expect-error a handler may not name the platform scope (ctx.platformScoped is the audited way)
  await c.get('tx')(async () => 1, { kind: 'platform' });
  // @ts-expect-error nor core's authentication scope
  await c.get('tx')(async () => 1, { kind: 'auth' });
  await c.get('tx')(async () => 1, { kind: 'support', userId: c.get('actor').user!.id });
  return c.text('ok');
};

export async function usesContext(ctx: PluginContext): Promise<void> {
  // @ts-expect-error platform scope only through ctx.platformScoped(reason, fn)
  await ctx.scoped({ kind: 'platform' }, async () => 1);
  await ctx.platformScoped('motivo', async () => 1);
  // @ts-expect-error the context has no services either
  void ctx.services;
}

// @ts-expect-error the plugin entry does not offer core's schema, services or app wiring
export type { CoreServices, schema } from '@painel/core/plugin';
// @ts-expect-error there is no root entry
export type * as root from '@painel/core';
