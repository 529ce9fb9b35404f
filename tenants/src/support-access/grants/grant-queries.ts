import type { Db } from '@painel/core/module';
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { BaseKey } from '../db/scopes.ts';
import { grantEvents, grants } from '../db/schema.ts';

export type GrantRow = typeof grants.$inferSelect;
export type GrantEventRow = typeof grantEvents.$inferSelect;

const ofBase = (base: BaseKey) => and(eq(grants.resellerId, base.resellerId), eq(grants.clinicId, base.clinicId));

/** The base's open grant (not revoked or replaced), possibly already past its end. */
export async function openGrantOf(tx: Db, base: BaseKey): Promise<GrantRow | null> {
  const [row] = await tx.select().from(grants).where(and(ofBase(base), isNull(grants.endedAt))).limit(1);
  return row ?? null;
}

/** The grant that lets support into the base right now: open, and now < end. */
export async function activeGrantOf(tx: Db, base: BaseKey, now: Date): Promise<GrantRow | null> {
  const [row] = await tx
    .select()
    .from(grants)
    .where(and(ofBase(base), isNull(grants.endedAt), gt(grants.endsAt, now)))
    .limit(1);
  return row && row.startsAt <= now ? row : null;
}

export async function grantById(tx: Db, base: BaseKey, id: number): Promise<GrantRow | null> {
  const [row] = await tx.select().from(grants).where(and(ofBase(base), eq(grants.id, id))).limit(1);
  return row ?? null;
}

/** The latest grant of the base, whatever its state (for the "access ended" page). */
export async function latestGrantOf(tx: Db, base: BaseKey): Promise<GrantRow | null> {
  const [row] = await tx.select().from(grants).where(ofBase(base)).orderBy(desc(grants.id)).limit(1);
  return row ?? null;
}

export async function grantHistory(tx: Db, base: BaseKey, limit = 50): Promise<GrantEventRow[]> {
  return tx
    .select()
    .from(grantEvents)
    .where(and(eq(grantEvents.resellerId, base.resellerId), eq(grantEvents.clinicId, base.clinicId)))
    .orderBy(desc(grantEvents.at), desc(grantEvents.id))
    .limit(limit);
}
