import { type CoreServices, schema as core } from '@painel/core/module';
import { and, asc, eq, or } from 'drizzle-orm';

/**
 * Who hears of a new booking request: the active administrators of the base's singular and the vendor's
 * customer-success people (the platform admins). Read in the platform scope (a clinic user's own scope
 * cannot see administrators), ids only; the notifications are then written in the request's transaction.
 */
export async function bookingRecipients(services: CoreServices, resellerId: number): Promise<number[]> {
  const u = core.users;
  const rows = await services.db.scoped({ kind: 'platform' }, (tx) =>
    tx
      .select({ id: u.id })
      .from(u)
      .where(
        and(
          eq(u.status, 'active'),
          or(eq(u.kind, 'platform_admin'), and(eq(u.kind, 'reseller_admin'), eq(u.resellerId, resellerId))),
        ),
      )
      .orderBy(asc(u.id)),
  );
  return rows.map((r) => r.id);
}
