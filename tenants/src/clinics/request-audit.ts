/** Audit entries written from a request: who, from where, under which request id. */
import type { AppEnv, AuditEntry, CoreServices, Db } from '@painel/core/module';
import type { Context } from 'hono';

type RequestEntry = Omit<AuditEntry, 'actorUserId' | 'actorEmail' | 'ip' | 'requestId'>;

export function requestAuditEntry(c: Context<AppEnv>, entry: RequestEntry): AuditEntry {
  const user = c.get('actor').user;
  return {
    ...entry,
    actorUserId: user?.id,
    actorEmail: user?.email,
    ip: c.get('clientIp'),
    requestId: c.get('requestId'),
  };
}

/** Appends inside `tx` so the entry commits (or rolls back) with the change it describes. */
export function auditChange(services: CoreServices, c: Context<AppEnv>, tx: Db, entry: RequestEntry): Promise<number> {
  return services.audit.append(requestAuditEntry(c, entry), tx);
}

/**
 * A tenant resource that is not the actor's (or does not exist) was asked for by URL or by a form
 * field: recorded as denied on its own (nothing else is written), then the caller answers 404.
 */
export function auditDenied(services: CoreServices, c: Context<AppEnv>, details: Record<string, unknown>): Promise<number> {
  const actor = c.get('actor');
  return services.audit.append(
    requestAuditEntry(c, {
      action: 'access.denied',
      outcome: 'denied',
      resellerId: actor.user?.resellerId ?? null,
      target: `${c.req.method} ${c.req.path}`,
      details: { reason: 'not_found', dataClass: c.get('route')?.dataClass, ...details },
    }),
  );
}
