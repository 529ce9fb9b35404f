import { type CoreServices, type Db, formatDateTime, schema } from '@painel/core/module';
import { and, eq, isNull } from 'drizzle-orm';
import type { BaseKey } from '../db/scopes.ts';
import { grants } from '../db/schema.ts';
import { m } from '../messages.ts';

/** User ids of the base's gestores (they decide about support access and hear about its use). */
export async function gestoresOf(tx: Db, base: BaseKey): Promise<number[]> {
  const rows = await tx
    .select({ userId: schema.memberships.userId })
    .from(schema.memberships)
    .where(
      and(
        eq(schema.memberships.resellerId, base.resellerId),
        eq(schema.memberships.clinicId, base.clinicId),
        eq(schema.memberships.role, 'gestor'),
      ),
    );
  return rows.map((r) => r.userId);
}

/**
 * Marks the grant's first use; the first time only, notifies the base's gestores in-app and audits it.
 * Runs in the base's bookkeeping scope.
 */
export async function recordFirstUse(
  tx: Db,
  services: CoreServices,
  input: { base: BaseKey; grantId: number; clinicName: string; agent: { userId: number; name: string; email: string } },
): Promise<boolean> {
  const now = services.clock.now();
  const [grant] = await tx
    .update(grants)
    .set({ firstUsedAt: now })
    .where(and(eq(grants.resellerId, input.base.resellerId), eq(grants.id, input.grantId), isNull(grants.firstUsedAt)))
    .returning();
  if (!grant) return false;
  const gestores = await gestoresOf(tx, input.base);
  await services.notifications.notify(
    tx,
    gestores.map((userId) => ({
      userId,
      kind: 'support_access.first_use',
      title: m('firstUse.title'),
      body: m('firstUse.body', {
        agent: input.agent.name,
        base: input.clinicName,
        id: input.base.clinicId,
        at: formatDateTime(now),
        grantedBy: grant.grantedByName,
      }),
      link: '/acesso-suporte',
      resellerId: input.base.resellerId,
      clinicId: input.base.clinicId,
    })),
  );
  await services.audit.append(
    {
      action: 'support.grant.first_use',
      actorUserId: input.agent.userId,
      actorEmail: input.agent.email,
      actingFor: `suporte na base ${input.base.clinicId}`,
      resellerId: input.base.resellerId,
      clinicId: input.base.clinicId,
      target: `grant:${grant.id}`,
      details: { notified: gestores.length },
    },
    tx,
  );
  return true;
}
