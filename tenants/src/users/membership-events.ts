import type { AppEnv, CoreServices, MembershipRole } from '@painel/core/module';
import type { Context } from 'hono';

/** Core's `membership.added` for each new membership; call after the transaction that wrote them committed. */
export async function emitMembershipsAdded(
  c: Context<AppEnv>,
  services: CoreServices,
  added: Array<{ resellerId: number; clinicId: number; userId: number; role: MembershipRole }>,
): Promise<void> {
  const at = services.clock.now();
  const actorUserId = c.get('actor').user?.id ?? null;
  for (const m of added) await services.events.emit('membership.added', { ...m, actorUserId, at });
}
