import { type CoreServices, schema } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import { gestoresOf } from '../grants/first-use.ts';

export interface LocatedBase {
  resellerId: number;
  clinicId: number;
  name: string;
  gestorIds: number[];
}

/**
 * Routes a support agent's access request to a base the agent cannot see (no grant yet): finds the
 * base's reseller and its gestores. Explicit platform scope, justified: the agent only learns whether
 * an active base with that id exists; name and gestores stay on the server (used to notify them).
 */
export async function locateBase(services: CoreServices, clinicId: number): Promise<LocatedBase | null> {
  const { clinics } = schema;
  return services.db.scoped({ kind: 'platform' }, async (tx) => {
    const [clinic] = await tx
      .select({ resellerId: clinics.resellerId, name: clinics.name })
      .from(clinics)
      .where(and(eq(clinics.id, clinicId), eq(clinics.status, 'active')))
      .limit(1);
    if (!clinic) return null;
    const gestorIds = await gestoresOf(tx, { resellerId: clinic.resellerId, clinicId });
    return { resellerId: clinic.resellerId, clinicId, name: clinic.name, gestorIds };
  });
}
