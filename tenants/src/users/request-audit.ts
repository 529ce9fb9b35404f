import type { AppEnv } from '@painel/core/module';
import type { Context } from 'hono';

/** The audit fields every entry made by a request carries: who and from where. */
export function requestAudit(c: Context<AppEnv>) {
  const actor = c.get('actor');
  return {
    actorUserId: actor.user?.id ?? null,
    actorEmail: actor.user?.email ?? null,
    ip: c.get('clientIp'),
    requestId: c.get('requestId'),
  };
}
