import type { Context } from 'hono';
import type { Db, TenantScope } from '../db/types.ts';
import type { AppVariables } from '../http/env.ts';

/**
 * The scopes a plugin may ask for by name. `platform` (every tenant's rows) goes only through the
 * audited `ctx.platformScoped(reason, fn)`; `auth` is core's authentication internals.
 */
export type PluginScope = Exclude<TenantScope, { kind: 'platform' } | { kind: 'auth' }>;

const sealedScopes: ReadonlySet<TenantScope['kind']> = new Set(['platform', 'auth']);

/** Thrown when plugin code asks for a scope it may not name (platform, auth). */
export class PluginScopeError extends Error {
  constructor(pluginId: string, kind: string) {
    super(
      kind === 'platform'
        ? `O plugin "${pluginId}" pediu o escopo de plataforma diretamente: use ctx.platformScoped(motivo, fn), que registra o motivo na auditoria.`
        : `O plugin "${pluginId}" pediu o escopo "${kind}", reservado ao núcleo.`,
    );
    this.name = 'PluginScopeError';
  }
}

/** Throws unless `scope` is one a plugin may name. */
export function assertPluginScope(pluginId: string, scope: TenantScope | undefined): void {
  if (scope && sealedScopes.has(scope.kind)) throw new PluginScopeError(pluginId, scope.kind);
}

/**
 * What a plugin route handler reads from the request (`c.get(...)`): an allow-list of core's request
 * variables. Core's services (and with them the owner connection, which bypasses row-level security)
 * are deliberately absent, so `c.get('services')` in a plugin does not typecheck.
 */
export type PluginVariables = Pick<
  AppVariables,
  'requestId' | 'secureHeadersNonce' | 'log' | 'actor' | 'route' | 'flash' | 'pendingFlash' | 'clientIp' | 'receiveUpload'
> & {
  /** One transaction with the actor's row-level-security scope, or a narrower scope it names. */
  tx: <T>(fn: (tx: Db) => Promise<T>, scope?: PluginScope) => Promise<T>;
};

export interface PluginEnv {
  Variables: PluginVariables;
}

/** A plugin route handler. */
export type PluginHandler = (c: Context<PluginEnv>) => Response | Promise<Response>;
