import type { AppEnv, Db, TenantScope } from '@painel/core/module';
import type { Context } from 'hono';
import { setClockNow } from './clock-setting.ts';

/** The request's transaction (actor's RLS scope unless told otherwise) with the app's clock set. */
export function requestTx<T>(c: Context<AppEnv>, fn: (tx: Db) => Promise<T>, scope?: TenantScope): Promise<T> {
  return c.get('tx')(async (tx) => {
    await setClockNow(tx, c.get('services').clock);
    return fn(tx);
  }, scope);
}
