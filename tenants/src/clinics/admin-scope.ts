/**
 * Whose bases a request manages: a reseller admin always its own singular (whatever the URL or form
 * says); a platform admin every singular, or one chosen with `?singular=<id reseller>`.
 */
import { type Actor, HttpError } from '@painel/core/module';

export type ClinicAdmin = { kind: 'reseller'; resellerId: number } | { kind: 'platform' };

export function clinicAdminOf(actor: Actor): ClinicAdmin {
  const user = actor.user;
  if (user?.kind === 'platform_admin') return { kind: 'platform' };
  if (user?.kind === 'reseller_admin' && user.resellerId !== null) return { kind: 'reseller', resellerId: user.resellerId };
  throw new HttpError(403, 'Área restrita aos administradores.');
}

/** The reseller filter of a query: the admin's own singular, or null for "every singular". */
export function ownResellerId(admin: ClinicAdmin): number | null {
  return admin.kind === 'reseller' ? admin.resellerId : null;
}
