import type { SupportGrantLookup } from '@painel/core/module';
import { inScope, supportScope } from '../db/scopes.ts';
import { activeGrantOf } from '../grants/grant-queries.ts';

/**
 * Core asks this on EVERY request of a support agent whose session points at a base: the grant is read
 * from the database each time (no cache), so a revocation takes effect on the very next request, on
 * every app instance. Runs in the support scope, which sees only grants active right now.
 */
export const lookupSupportGrant: SupportGrantLookup = async (services, { userId, resellerId, clinicId }) => {
  const now = services.clock.now();
  const grant = await inScope(services, supportScope(userId), (tx) => activeGrantOf(tx, { resellerId, clinicId }, now));
  return grant ? { id: grant.id, endsAt: grant.endsAt } : null;
};
