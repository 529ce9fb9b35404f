import type { CoreServices } from '@painel/core/module';
import type { BaseKey } from '../db/scopes.ts';

/**
 * Inside the caller's transaction, switches the RLS scope to the base's bookkeeping scope (one
 * clinic, no user) for `fn`, then gives the caller its scope back (a nested `db.scoped` joins the
 * open transaction). Used only by the support-access port for the base's own records (a request row,
 * its gestores' notifications); nothing read here is handed back to the caller beyond ids and the
 * grant's end.
 */
export function asBase<T>(services: CoreServices, base: BaseKey, fn: () => Promise<T>): Promise<T> {
  return services.db.scoped({ kind: 'clinic', resellerId: base.resellerId, clinicId: base.clinicId }, fn);
}
