import type { Db } from '@painel/core/module';
import { and, desc, eq } from 'drizzle-orm';
import type { BaseKey } from '../db/scopes.ts';
import { accessRequests } from '../db/schema.ts';

export type AccessRequestRow = typeof accessRequests.$inferSelect;

/** The base's requests, newest first (gestor side). */
export function requestsOfBase(tx: Db, base: BaseKey, limit = 20): Promise<AccessRequestRow[]> {
  return tx
    .select()
    .from(accessRequests)
    .where(and(eq(accessRequests.resellerId, base.resellerId), eq(accessRequests.clinicId, base.clinicId)))
    .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
    .limit(limit);
}

/** The agent's own requests, newest first (support scope). */
export function requestsOfAgent(tx: Db, agentUserId: number, limit = 30): Promise<AccessRequestRow[]> {
  return tx
    .select()
    .from(accessRequests)
    .where(eq(accessRequests.agentUserId, agentUserId))
    .orderBy(desc(accessRequests.createdAt), desc(accessRequests.id))
    .limit(limit);
}

export async function requestOfBase(tx: Db, base: BaseKey, id: number): Promise<AccessRequestRow | null> {
  const [row] = await tx
    .select()
    .from(accessRequests)
    .where(and(eq(accessRequests.resellerId, base.resellerId), eq(accessRequests.clinicId, base.clinicId), eq(accessRequests.id, id)))
    .for('update')
    .limit(1);
  return row ?? null;
}
