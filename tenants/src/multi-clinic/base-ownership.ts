import { type CoreServices, schema } from '@painel/core/module';
import { inArray } from 'drizzle-orm';

const { clinics } = schema;

export type Ownership = 'own' | 'other';

/**
 * Which of these base ids exist, and whether each belongs to the admin's singular. A multi-clinic
 * request must refuse another singular's base *with that reason* (SPEC §4), which the admin's own
 * row-level scope cannot tell from "does not exist"; so this one read runs in the platform scope and
 * returns nothing but own/other per id — never a name or any other field of another tenant.
 */
export async function baseOwnership(services: CoreServices, resellerId: number, ids: number[]): Promise<Map<number, Ownership>> {
  const result = new Map<number, Ownership>();
  if (ids.length === 0) return result;
  const rows = await services.db.scoped({ kind: 'platform' }, (tx) =>
    tx.select({ id: clinics.id, resellerId: clinics.resellerId }).from(clinics).where(inArray(clinics.id, ids)),
  );
  for (const row of rows) result.set(row.id, row.resellerId === resellerId ? 'own' : 'other');
  return result;
}
