import { type Db, schema } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import type { UserArea } from './user-area.ts';

const { clinics } = schema;

export interface AreaClinic {
  resellerId: number;
  id: number;
  name: string;
  status: 'active' | 'inactive';
}

/** A base inside the area (by base id), or null: another tenant's base is simply "not found". */
export async function findAreaClinic(tx: Db, area: UserArea, clinicId: number): Promise<AreaClinic | null> {
  if (area.kind === 'clinic' && clinicId !== area.clinicId) return null;
  const [row] = await tx
    .select({ resellerId: clinics.resellerId, id: clinics.id, name: clinics.name, status: clinics.status })
    .from(clinics)
    .where(and(eq(clinics.resellerId, area.resellerId), eq(clinics.id, clinicId)))
    .limit(1);
  return row ?? null;
}
