import { and, asc, eq } from 'drizzle-orm';
import type { CoreServices } from '../app/services.ts';
import { clinics, memberships, resellers } from '../db/schema/index.ts';
import type { TenantScope } from '../db/types.ts';
import type { ActiveClinic, ActiveSupportGrant, Actor, Membership } from '../policy/actor.ts';
import type { SessionRecord, SessionUser } from './sessions.ts';

/**
 * Finds the support grant that lets a support agent into a clinic right now (installed by the
 * support-access module); absent means support agents reach no clinic.
 */
export type SupportGrantLookup = (
  services: CoreServices,
  input: { userId: number; resellerId: number; clinicId: number },
) => Promise<ActiveSupportGrant | null>;

export const actorHooks: { supportGrant: SupportGrantLookup | undefined } = { supportGrant: undefined };

/** Builds the request's actor from a valid session: memberships, active base, support grant. */
export async function resolveActor(
  services: CoreServices,
  session: SessionRecord,
  user: SessionUser,
): Promise<Actor> {
  const { db } = services;
  const own: TenantScope = { kind: 'user', userId: user.id };
  const rows = await db.scoped(own, (tx) =>
    tx
      .select({
        resellerId: memberships.resellerId,
        clinicId: memberships.clinicId,
        role: memberships.role,
        clinicName: clinics.name,
        clinicStatus: clinics.status,
      })
      .from(memberships)
      .innerJoin(clinics, and(eq(clinics.resellerId, memberships.resellerId), eq(clinics.id, memberships.clinicId)))
      // Explicit even though RLS filters too: the policy's OR cannot use the user index (1M rows).
      .where(eq(memberships.userId, user.id))
      .orderBy(asc(clinics.name)),
  );
  const active = rows.filter((r) => r.clinicStatus === 'active');
  const list: Membership[] = active.map(({ resellerId, clinicId, role, clinicName }) => ({
    resellerId,
    clinicId,
    role,
    clinicName,
  }));
  const base: Actor = { user, sessionId: session.id, memberships: list, activeClinic: null, supportGrant: null };

  const wanted = session.activeClinicId;
  if (user.kind === 'clinic_user') {
    const m = list.find((x) => x.clinicId === wanted) ?? list[0];
    if (m) base.activeClinic = await describe(services, own, m.resellerId, m.clinicId, 'membership');
    return base;
  }
  if (wanted === null) return base;
  if (user.kind === 'reseller_admin' && user.resellerId !== null) {
    base.activeClinic = await describe(
      services,
      { kind: 'reseller', resellerId: user.resellerId, userId: user.id },
      user.resellerId,
      wanted,
      'reseller_admin',
    );
  } else if (user.kind === 'platform_admin' && session.activeResellerId !== null) {
    base.activeClinic = await describe(
      services,
      { kind: 'platform', userId: user.id },
      session.activeResellerId,
      wanted,
      'platform_admin',
    );
  } else if (user.kind === 'support_agent' && session.activeResellerId !== null && actorHooks.supportGrant) {
    const grant = await actorHooks.supportGrant(services, {
      userId: user.id,
      resellerId: session.activeResellerId,
      clinicId: wanted,
    });
    if (grant) {
      base.supportGrant = grant;
      base.activeClinic = await describe(
        services,
        { kind: 'clinic', resellerId: session.activeResellerId, clinicId: wanted, userId: user.id },
        session.activeResellerId,
        wanted,
        'support_grant',
      );
      if (!base.activeClinic) base.supportGrant = null;
    }
  }
  return base;
}

async function describe(
  services: CoreServices,
  scope: TenantScope,
  resellerId: number,
  clinicId: number,
  via: ActiveClinic['via'],
): Promise<ActiveClinic | null> {
  const [row] = await services.db.scoped(scope, (tx) =>
    tx
      .select({ name: clinics.name, resellerName: resellers.name, status: clinics.status })
      .from(clinics)
      .innerJoin(resellers, eq(resellers.id, clinics.resellerId))
      .where(and(eq(clinics.resellerId, resellerId), eq(clinics.id, clinicId)))
      .limit(1),
  );
  if (!row || row.status !== 'active') return null;
  return { resellerId, clinicId, name: row.name, resellerName: row.resellerName, via };
}
