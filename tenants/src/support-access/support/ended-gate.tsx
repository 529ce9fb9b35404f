import { type AppEnv, type CoreServices, formatDateTime, type RequestGate, renderPage, schema } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { recordSupportRequest } from '../access-log/record-access.ts';
import { type BaseKey, baseBookkeeping } from '../db/scopes.ts';
import { closeExpiredGrants } from '../grants/expiry.ts';
import { type GrantRow, latestGrantOf } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';

/** Requests that still go through after the grant ended: signing out and leaving the base. */
const passThrough = new Set(['/logout', '/suporte/bases/sair']);

/**
 * A support agent whose session still points at a base but whose grant ended (revoked or expired,
 * possibly mid-session): the request is refused with a clear pt-BR page, logged for the base as
 * denied and audited, and the session's active base is cleared.
 */
export function supportEndedGate(services: CoreServices): RequestGate {
  return async (c, route) => {
    const actor = c.get('actor');
    const session = c.get('session');
    const user = actor.user;
    if (user?.kind !== 'support_agent' || actor.supportGrant || !session) return undefined;
    if (session.activeResellerId === null || session.activeClinicId === null) return undefined;
    if (route.permission === 'public' || passThrough.has(c.req.path)) return undefined;

    const base: BaseKey = { resellerId: session.activeResellerId, clinicId: session.activeClinicId };
    await services.sessions.update(session.id, { activeResellerId: null, activeClinicId: null });
    session.activeResellerId = null;
    session.activeClinicId = null;
    const found = await baseBookkeeping(services, base, async (tx) => {
      await closeExpiredGrants(tx, services, base);
      const grant = await latestGrantOf(tx, base);
      const [clinic] = await tx
        .select({ name: schema.clinics.name })
        .from(schema.clinics)
        .where(and(eq(schema.clinics.resellerId, base.resellerId), eq(schema.clinics.id, base.clinicId)));
      await recordSupportRequest(tx, services, {
        base,
        grantId: grant?.id ?? null,
        agent: { userId: user.id, name: user.name, email: user.email },
        method: c.req.method,
        path: c.req.path,
        screen: route.screen ?? c.req.path,
        dataClass: route.dataClass,
        outcome: 'denied',
        status: 403,
        reason: 'grant_ended',
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
      });
      return { grant, clinicName: clinic?.name ?? `Base ${base.clinicId}` };
    });
    return renderEndedPage(c, base, found.clinicName, found.grant);
  };
}

function endedText(base: BaseKey, clinicName: string, grant: GrantRow | null): string {
  const params = { base: clinicName, id: base.clinicId };
  if (grant?.endReason === 'revoked' && grant.endedAt) return m('ended.revoked', { ...params, at: formatDateTime(grant.endedAt) });
  if (grant?.endReason === 'expired') return m('ended.expired', { ...params, at: formatDateTime(grant.endsAt) });
  return m('ended.unknown', params);
}

function renderEndedPage(c: Context<AppEnv>, base: BaseKey, clinicName: string, grant: GrantRow | null): Promise<Response> {
  return renderPage(c, {
    title: m('ended.title'),
    status: 403,
    body: (
      <section class="error-page card" data-testid="support-ended">
        <h1>{m('ended.title')}</h1>
        <p>{endedText(base, clinicName, grant)}</p>
        <p>{m('ended.next')}</p>
        <p class="support-ended-actions">
          <a href="/suporte/bases" role="button">
            {m('bases.title')}
          </a>
          <a href={`/suporte/solicitar?base=${base.clinicId}`} role="button" class="secondary outline">
            {m('nav.request')}
          </a>
        </p>
      </section>
    ),
  });
}
