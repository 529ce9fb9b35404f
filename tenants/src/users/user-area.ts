import { type Actor, supportReadsBase } from '@painel/core/module';

/**
 * Whose users an actor manages on the users screens:
 * - reseller: a reseller admin — people with a membership in any base of the reseller, plus its admins;
 * - clinic:   the gestor of the active base (or a platform admin working inside one) — that base only;
 *             `readOnly` for a support agent inside the base through a grant (reads, never writes).
 */
export type UserArea =
  | { kind: 'reseller'; resellerId: number; readOnly?: false }
  | { kind: 'clinic'; resellerId: number; clinicId: number; clinicName: string; readOnly?: boolean };

export function userAreaOf(actor: Actor): UserArea | null {
  const user = actor.user;
  if (!user) return null;
  if (user.kind === 'reseller_admin') {
    return user.resellerId === null ? null : { kind: 'reseller', resellerId: user.resellerId };
  }
  const active = actor.activeClinic;
  if (!active) return null;
  const gestor = actor.memberships.some((m) => m.clinicId === active.clinicId && m.role === 'gestor');
  if (user.kind === 'platform_admin' || (user.kind === 'clinic_user' && gestor)) {
    return { kind: 'clinic', resellerId: active.resellerId, clinicId: active.clinicId, clinicName: active.name };
  }
  return null;
}

/** The area an actor may READ: the one they manage, or the granted base of a support agent (read-only). */
export function readableAreaOf(actor: Actor): UserArea | null {
  const managed = userAreaOf(actor);
  if (managed) return managed;
  const active = actor.activeClinic;
  if (!active || !supportReadsBase(actor)) return null;
  return { kind: 'clinic', resellerId: active.resellerId, clinicId: active.clinicId, clinicName: active.name, readOnly: true };
}

/** True when the base (reseller, clinic) lies inside the area. */
export function areaCovers(area: UserArea, resellerId: number, clinicId: number): boolean {
  if (area.resellerId !== resellerId) return false;
  return area.kind === 'reseller' || area.clinicId === clinicId;
}
