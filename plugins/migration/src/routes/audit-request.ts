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

/**
 * A vendor employee's access to the base's data through the request (downloading its backup or its final
 * package as the data processor): a row in the base's access history, which its gestor reads and exports.
 * Inside `tx`, beside the caller's audit entry; a no-op when no support-access port is installed.
 */
export async function recordVendorAccess(
  ctx: PluginContext<unknown>,
  c: Ctx,
  tx: Db,
  r: Pick<RequestRow, 'resellerId' | 'clinicId'>,
  screen: string,
  dataClass: 'personal' | 'ehr',
): Promise<void> {
  const user = c.get('actor').user!;
  await ctx.supportAccess()?.recordAccess?.(tx, {
    resellerId: r.resellerId,
    clinicId: r.clinicId,
    user: { id: user.id, name: user.name, email: user.email },
    method: c.req.method,
    path: c.req.path,
    screen,
    dataClass,
    status: 200,
  });
}
