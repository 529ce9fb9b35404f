import type { AppEnv, Db } from '@painel/core/module';
import './audit-labels.ts';
import type { Context } from 'hono';

/** Appends an audit entry for the current request inside `tx` (it commits with the change). */
export async function auditContent(
  c: Context<AppEnv>,
  tx: Db,
  entry: { action: string; resellerId?: number | null; clinicId?: number | null; target: string; details?: Record<string, unknown> },
): Promise<void> {
  const actor = c.get('actor');
  await c.get('services').audit.append(
    {
      action: entry.action,
      actorUserId: actor.user?.id,
      actorEmail: actor.user?.email,
      resellerId: entry.resellerId ?? null,
      clinicId: entry.clinicId ?? null,
      target: entry.target,
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
      details: entry.details ?? null,
    },
    tx,
  );
}
