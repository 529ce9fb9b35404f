/**
 * The events core emits (after the change is committed) and plugins subscribe to in `register`.
 * Every payload names its reseller, so a plugin turned off for that reseller does not receive it.
 */
export interface CoreEvents {
  'clinic.created': { resellerId: number; clinicId: number; name: string; actorUserId: number | null; at: Date };
  'clinic.deactivated': { resellerId: number; clinicId: number; actorUserId: number | null; at: Date };
  'membership.added': {
    resellerId: number;
    clinicId: number;
    userId: number;
    role: string;
    actorUserId: number | null;
    at: Date;
  };
  'grant.started': {
    resellerId: number;
    clinicId: number;
    grantId: number;
    endsAt: Date;
    grantedByUserId: number;
    at: Date;
  };
  'grant.ended': {
    resellerId: number;
    clinicId: number;
    grantId: number;
    reason: 'revoked' | 'expired' | 'replaced';
    actorUserId: number | null;
    at: Date;
  };
}

export type CoreEventName = keyof CoreEvents;

export const coreEventNames: readonly CoreEventName[] = [
  'clinic.created',
  'clinic.deactivated',
  'membership.added',
  'grant.started',
  'grant.ended',
];

export function isCoreEventName(name: string): name is CoreEventName {
  return (coreEventNames as readonly string[]).includes(name);
}
