import type { SessionUser } from '../auth/sessions.ts';
import type { MembershipRole } from '../db/schema/index.ts';
import type { TenantScope } from '../db/types.ts';

export interface Membership {
  resellerId: number;
  clinicId: number;
  clinicName: string;
  role: MembershipRole;
}

/** The base the actor is working in ("base atual"), and how they reach it. */
export interface ActiveClinic {
  resellerId: number;
  clinicId: number;
  name: string;
  resellerName: string;
  via: 'membership' | 'reseller_admin' | 'platform_admin' | 'support_grant';
}

/** The support grant a support agent is inside of, re-read from the database on every request. */
export interface ActiveSupportGrant {
  id: number;
  endsAt: Date;
}

/** Who is asking, resolved once per request. */
export interface Actor {
  user: SessionUser | null;
  sessionId: string | null;
  memberships: Membership[];
  activeClinic: ActiveClinic | null;
  supportGrant: ActiveSupportGrant | null;
}

export const anonymousActor: Actor = {
  user: null,
  sessionId: null,
  memberships: [],
  activeClinic: null,
  supportGrant: null,
};

/** The row-level-security scope a request of this actor runs with. */
export function scopeOf(actor: Actor): TenantScope | null {
  const user = actor.user;
  if (!user) return null;
  switch (user.kind) {
    case 'platform_admin':
      return { kind: 'platform', userId: user.id };
    case 'reseller_admin':
      return user.resellerId === null ? { kind: 'user', userId: user.id } : { kind: 'reseller', resellerId: user.resellerId, userId: user.id };
    case 'support_agent':
      return actor.activeClinic && actor.supportGrant
        ? { kind: 'clinic', resellerId: actor.activeClinic.resellerId, clinicId: actor.activeClinic.clinicId, userId: user.id }
        : { kind: 'support', userId: user.id };
    case 'migration_team':
      // A platform role without tenant rows of core: it reads only what a plugin's policies open to it.
      return { kind: 'user', userId: user.id };
    case 'clinic_user':
      return actor.activeClinic
        ? { kind: 'clinic', resellerId: actor.activeClinic.resellerId, clinicId: actor.activeClinic.clinicId, userId: user.id }
        : { kind: 'user', userId: user.id };
  }
}

export function membershipIn(actor: Actor, clinicId: number): Membership | undefined {
  return actor.memberships.find((m) => m.clinicId === clinicId);
}
