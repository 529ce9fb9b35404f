import { type Db, schema } from '@painel/core/module';
import { and, asc, eq, ilike, inArray, notInArray, or } from 'drizzle-orm';
import type { AreaClinic } from './area-clinic.ts';
import { containsPattern } from './like-pattern.ts';
import type { UserArea } from './user-area.ts';

const { clinics } = schema;

export const pickerLimit = 20;

/**
 * Active bases of the area matching a name keyword or a base id, by name (at most `limit` + 1),
 * leaving out `exclude` (e.g. the bases a user already has, when giving them another).
 */
export async function searchAreaClinics(
  tx: Db,
  area: UserArea,
  q: string,
  options: { limit?: number; exclude?: readonly number[] } = {},
): Promise<AreaClinic[]> {
  const limit = options.limit ?? pickerLimit;
  const exclude = options.exclude ?? [];
  const text = q.trim();
  const id = /^\d{1,9}$/.test(text) ? Number(text) : null;
  return tx
    .select({ resellerId: clinics.resellerId, id: clinics.id, name: clinics.name, status: clinics.status })
    .from(clinics)
    .where(
      and(
        eq(clinics.resellerId, area.resellerId),
        area.kind === 'clinic' ? eq(clinics.id, area.clinicId) : undefined,
        eq(clinics.status, 'active'),
        exclude.length > 0 ? notInArray(clinics.id, [...exclude]) : undefined,
        text ? (id !== null ? or(eq(clinics.id, id), ilike(clinics.name, containsPattern(text))) : ilike(clinics.name, containsPattern(text))) : undefined,
      ),
    )
    .orderBy(asc(clinics.name), asc(clinics.id))
    .limit(limit + 1);
}

/** The given base ids that are active bases of the area. */
export async function areaClinicsByIds(tx: Db, area: UserArea, ids: number[]): Promise<AreaClinic[]> {
  if (ids.length === 0) return [];
  return tx
    .select({ resellerId: clinics.resellerId, id: clinics.id, name: clinics.name, status: clinics.status })
    .from(clinics)
    .where(and(eq(clinics.resellerId, area.resellerId), inArray(clinics.id, ids), eq(clinics.status, 'active')))
    .orderBy(asc(clinics.name));
}
