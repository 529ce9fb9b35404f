import type { CoreServices, Db } from '@painel/core/module';
import { and, eq, isNull, lte } from 'drizzle-orm';
import type { BaseKey } from '../db/scopes.ts';
import { grantEvents, grants } from '../db/schema.ts';

/**
 * Closes the base's grant that is past its end (no job needed: it happens the first time the app
 * looks), with an "expired" history event at the end instant and an audit entry. Idempotent.
 */
export async function closeExpiredGrants(tx: Db, services: CoreServices, base: BaseKey): Promise<number> {
  const now = services.clock.now();
  const open = await tx
    .select()
    .from(grants)
    .where(
      and(
        eq(grants.resellerId, base.resellerId),
        eq(grants.clinicId, base.clinicId),
        isNull(grants.endedAt),
        lte(grants.endsAt, now),
      ),
    );
  for (const grant of open) {
    const closed = await tx
      .update(grants)
      .set({ endedAt: grant.endsAt, endReason: 'expired' })
      .where(and(eq(grants.resellerId, grant.resellerId), eq(grants.id, grant.id), isNull(grants.endedAt)))
      .returning({ id: grants.id });
    if (closed.length === 0) continue;
    await tx.insert(grantEvents).values({
      resellerId: grant.resellerId,
      clinicId: grant.clinicId,
      grantId: grant.id,
      kind: 'expired',
      at: grant.endsAt,
      endsAt: grant.endsAt,
    });
    await services.audit.append(
      {
        action: 'support.grant.expired',
        resellerId: grant.resellerId,
        clinicId: grant.clinicId,
        target: `grant:${grant.id}`,
        details: { endedAt: grant.endsAt.toISOString(), observedAt: now.toISOString() },
      },
      tx,
    );
  }
  return open.length;
}
