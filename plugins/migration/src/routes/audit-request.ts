import type { Db, PluginContext } from '@painel/core/plugin';
import type { Ctx } from '../http/request.ts';
import type { RequestRow } from '../store/request-store.ts';

/** The audit entry of an action on a migration request, by the request's actor, inside `tx`. */
export async function auditRequest(
  ctx: PluginContext<unknown>,
  c: Ctx,
  tx: Db,
  r: Pick<RequestRow, 'id' | 'resellerId' | 'clinicId'>,
  action: string,
  details?: Record<string, unknown>,
): Promise<void> {
  const user = c.get('actor').user!;
  await ctx.audit.append(
    {
      action,
      actorUserId: user.id,
      actorEmail: user.email,
      resellerId: r.resellerId,
      clinicId: r.clinicId,
      target: `migração #${r.id}`,
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
      ...(details ? { details } : {}),
    },
    tx,
  );
}
