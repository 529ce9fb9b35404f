import { type Db, schema } from '@painel/core/module';
import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import { grants } from '../db/schema.ts';

export interface GrantedBase {
  grantId: number;
  resellerId: number;
  clinicId: number;
  clinicName: string;
  resellerName: string;
  grantedByName: string;
  reason: string | null;
  endsAt: Date;
}

/** The bases whose grant is active right now, soonest to end first. Run in the support scope. */
export async function grantedBases(tx: Db, now: Date, clinicId?: number): Promise<GrantedBase[]> {
  const { clinics, resellers } = schema;
  return tx
    .select({
      grantId: grants.id,
      resellerId: grants.resellerId,
      clinicId: grants.clinicId,
      clinicName: clinics.name,
      resellerName: resellers.name,
      grantedByName: grants.grantedByName,
      reason: grants.reason,
      endsAt: grants.endsAt,
    })
    .from(grants)
    .innerJoin(clinics, and(eq(clinics.resellerId, grants.resellerId), eq(clinics.id, grants.clinicId)))
    .innerJoin(resellers, eq(resellers.id, grants.resellerId))
    .where(
      and(
        isNull(grants.endedAt),
        gt(grants.endsAt, now),
        eq(clinics.status, 'active'),
        clinicId === undefined ? undefined : eq(grants.clinicId, clinicId),
      ),
    )
    .orderBy(asc(grants.endsAt));
}
