import type { CoreServices, Db, TenantScope } from '@painel/core/module';

export interface BaseKey {
  resellerId: number;
  clinicId: number;
}

/**
 * Runs `fn` in one transaction with `scope` (or, inside a request, in the request's transaction). The
 * app's clock reaches the RLS policies through every scope entry (app.clock_now).
 */
export function inScope<T>(services: CoreServices, scope: TenantScope, fn: (tx: Db) => Promise<T>): Promise<T> {
  return services.db.scoped(scope, fn);
}

/**
 * The base's own bookkeeping: a transaction scoped to ONE base with no user behind it, used only to
 * write the base's records about support (the access log of a support request, closing an expired
 * grant, marking a grant's first use, notifying its gestores). Never used to show anything to the
 * support agent whose request triggered it.
 */
export function baseBookkeeping<T>(services: CoreServices, base: BaseKey, fn: (tx: Db) => Promise<T>): Promise<T> {
  return inScope(services, { kind: 'clinic', resellerId: base.resellerId, clinicId: base.clinicId }, fn);
}

/** A support agent outside any base: sees only the grants active right now (RLS). */
export const supportScope = (userId: number): TenantScope => ({ kind: 'support', userId });
