import type { CoreServices, ObservedRequest, RequestObserver } from '@painel/core/module';
import { recordSupportRequest } from '../access-log/record-access.ts';
import { baseBookkeeping } from '../db/scopes.ts';
import { recordFirstUse } from '../grants/first-use.ts';

/** Why a refused request was refused, from its status and the route's data class. */
export function refusalReason(request: Pick<ObservedRequest, 'status' | 'route'>): string | null {
  if (request.status === 404) return 'not_found';
  if (request.status !== 403) return null;
  return request.route?.dataClass === 'ehr' ? 'ehr' : 'policy';
}

/**
 * After every request a support agent makes inside a base through a grant: one row in the base's access
 * log and one audit entry ('support.request'), allowed or denied; the grant's first use notifies the
 * base's gestores.
 */
export function supportRequestObserver(services: CoreServices): RequestObserver {
  return async (c, request) => {
    const { actor, route } = request;
    const user = actor.user;
    const grant = actor.supportGrant;
    const base = actor.activeClinic;
    if (user?.kind !== 'support_agent' || !grant || !base || base.via !== 'support_grant') return;
    if (route?.permission === 'public') return;
    const reason = refusalReason(request);
    const agent = { userId: user.id, name: user.name, email: user.email };
    const key = { resellerId: base.resellerId, clinicId: base.clinicId };
    await baseBookkeeping(services, key, async (tx) => {
      await recordSupportRequest(tx, services, {
        base: key,
        grantId: grant.id,
        agent,
        method: request.method,
        path: request.path,
        screen: route?.screen ?? request.path,
        dataClass: route?.dataClass ?? null,
        outcome: reason ? 'denied' : 'allowed',
        status: request.status,
        reason,
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
      });
      if (!reason) await recordFirstUse(tx, services, { base: key, grantId: grant.id, clinicName: base.name, agent });
    });
  };
}
