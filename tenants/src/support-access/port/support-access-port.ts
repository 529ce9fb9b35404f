import type { CoreServices, SupportAccessPort } from '@painel/core/module';
import { accessRequests } from '../db/schema.ts';
import { gestoresOf } from '../grants/first-use.ts';
import { activeGrantOf } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';
import { asBase } from './as-base.ts';

/**
 * What plugins may ask about support access (core's SupportAccessPort), implemented in the caller's
 * transaction (never a second one: on PGlite that would wait for the first forever).
 */
export function supportAccessPort(services: CoreServices): SupportAccessPort {
  return {
    async activeGrant(tx, base) {
      const grant = await asBase(services, base, () => activeGrantOf(tx, base, services.clock.now()));
      return grant ? { id: grant.id, endsAt: grant.endsAt } : null;
    },

    async requestAccess(tx, input) {
      const base = { resellerId: input.resellerId, clinicId: input.clinicId };
      const now = services.clock.now();
      return asBase(services, base, async () => {
        const [row] = await tx
          .insert(accessRequests)
          .values({
            ...base,
            agentUserId: input.agentUserId,
            agentName: input.agentName,
            agentEmail: input.agentEmail,
            reason: input.reason.slice(0, 200),
            createdAt: now,
          })
          .returning({ id: accessRequests.id });
        const gestores = await gestoresOf(tx, base);
        await services.notifications.notify(
          tx,
          gestores.map((userId) => ({
            userId,
            kind: 'support_access.request',
            title: m('requests.notify.title'),
            body: m('requests.notify.body', { agent: input.agentName, base: `base ${input.clinicId}`, id: input.clinicId, reason: input.reason }),
            link: '/acesso-suporte#pedidos',
            ...base,
          })),
        );
        await services.audit.append(
          {
            action: 'support.access_request.created',
            actorUserId: input.agentUserId,
            actorEmail: input.agentEmail,
            ...base,
            target: `request:${row!.id}`,
            details: { reason: input.reason, notified: gestores.length, via: 'port' },
          },
          tx,
        );
        return { requestId: row!.id };
      });
    },

    enterPath: () => '/suporte/bases',
  };
}
