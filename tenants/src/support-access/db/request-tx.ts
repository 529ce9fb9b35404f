import type { AppEnv, Db, TenantScope } from '@painel/core/module';
import type { Context } from 'hono';

/** The request's transaction (actor's RLS scope unless told otherwise); the app's clock comes with the scope. */
export function requestTx<T>(c: Context<AppEnv>, fn: (tx: Db) => Promise<T>, scope?: TenantScope): Promise<T> {
  return c.get('tx')(fn, scope);
}
