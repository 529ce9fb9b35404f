import type { Context } from 'hono';
import type { AppEnv } from '../http/env.ts';
import type { Handler, ScreenRouter } from '../http/screen-router.ts';
import { isDataClass } from '../policy/data-class.ts';
import { PluginDefinitionError } from './define-plugin.ts';
import { assertPluginScope, type PluginEnv, type PluginHandler } from './plugin-env.ts';
import type { PluginRouter } from './plugin-types.ts';

/**
 * Runs a plugin handler on the sealed view of the request: `c.get('tx')` refuses the scopes a plugin
 * may not name (platform, auth), and the handler's type (PluginEnv) has no `services`.
 */
function sealed(id: string, handler: PluginHandler): Handler {
  return (c: Context<AppEnv>) => {
    const tx = c.get('tx');
    c.set('tx', (fn, scope) => {
      assertPluginScope(id, scope);
      return tx(fn, scope);
    });
    return handler(c as unknown as Context<PluginEnv>);
  };
}

/**
 * What a plugin gets in `r.routes(...)`: only the ScreenRouter methods (permission + data class per
 * route, guard in front), on a router whose base path is `/p/<id>`. No Hono app, no raw routes,
 * no middleware. '/' is the plugin's home, `/p/<id>`.
 */
export function pluginRouter(id: string, inner: ScreenRouter): PluginRouter {
  const normalise = (path: string): string => {
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
      throw new PluginDefinitionError(`a rota "${path}" deve ser '' ou começar com '/' (é relativa a /p/${id}).`);
    }
    return path === '/' ? '' : path;
  };
  const router: PluginRouter = {
    get: (path, meta, handler) => router.on('GET', path, meta, handler),
    post: (path, meta, handler) => router.on('POST', path, meta, handler),
    on: (method, path, meta, handler) => {
      const where = `${method} /p/${id}${normalise(path)}`;
      if (!meta || !isDataClass(meta.dataClass)) {
        throw new PluginDefinitionError(`a rota ${where} não declara a classe de dados (general, personal ou ehr).`);
      }
      if (!inner.knows(meta.permission)) {
        throw new PluginDefinitionError(`a rota ${where} usa a permissão desconhecida "${meta.permission}".`);
      }
      inner.on(method, normalise(path), meta, sealed(id, handler));
      return router;
    },
  };
  return Object.freeze(router);
}
