import { type CoreServices, type Db, schema, type SupportAccessPort } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import { accessLog, accessRequests } from '../db/schema.ts';
import { gestoresOf } from '../grants/first-use.ts';
import { activeGrantOf } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';
import { asSentence } from '../requests/as-sentence.ts';
import { type BaseKey } from '../db/scopes.ts';
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
        const name = await clinicNameOf(tx, base);
        await services.notifications.notify(
          tx,
          gestores.map((userId) => ({
            userId,
            kind: 'support_access.request',
            title: m('requests.notify.title'),
            body: m('requests.notify.body', { agent: input.agentName, base: name, id: input.clinicId, reason: asSentence(input.reason) }),
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

    async recordAccess(tx, input) {
      const base = { resellerId: input.resellerId, clinicId: input.clinicId };
      await asBase(services, base, async () => {
        await tx.insert(accessLog).values({
          ...base,
          grantId: null,
          at: services.clock.now(),
          agentUserId: input.user.id,
          agentName: input.user.name,
          agentEmail: input.user.email,
          method: input.method,
          path: input.path.slice(0, 500),
          screen: input.screen.slice(0, 200),
          dataClass: input.dataClass,
          outcome: 'allowed',
          status: input.status,
          reason: null,
        });
      });
    },
  };
}

/** The base's name ("Clínica Demo Centro"), read in the base's own scope; "base 1001" if it cannot be read. */
async function clinicNameOf(tx: Db, base: BaseKey): Promise<string> {
  const [row] = await tx
    .select({ name: schema.clinics.name })
    .from(schema.clinics)
    .where(and(eq(schema.clinics.resellerId, base.resellerId), eq(schema.clinics.id, base.clinicId)));
  return row?.name ?? `base ${base.clinicId}`;
}
