import { type AppEnv, type CoreServices, formatDateTime, HttpError, type ScreenRouter } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { requestTx } from '../db/request-tx.ts';
import { accessRequests } from '../db/schema.ts';
import { actingUser } from '../grants/audit-context.ts';
import { parseDuration } from '../grants/durations.ts';
import { grantAccess } from '../grants/grant-actions.ts';
import { grantById } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';
import { requestOfBase } from '../requests/request-queries.ts';
import { requestState } from '../requests/request-state.ts';
import { activeBase } from './grant-page.tsx';
import { grantIdField } from './grant-input.ts';
import { gestorMeta, grantFlash } from './grant-routes.tsx';
import type { GrantResult } from '../grants/grant-actions.ts';
import { emitGrantResult } from '../grants/grant-events.ts';

type Outcome = { tone: 'success' | 'error' | 'info'; message: string; granted?: GrantResult };

function requestIdParam(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(404);
  return Number(raw);
}

/** The gestor answers a support request: approve (one click, 1 dia pre-filled) or decline. */
export function requestDecisionRoutes(router: ScreenRouter, services: CoreServices): void {
  const back = async (c: Context<AppEnv>, outcome: Outcome) => {
    await c.get('flash')(outcome.message, outcome.tone);
    return c.redirect('/acesso-suporte#pedidos', 303);
  };

  router.post(
    '/acesso-suporte/pedidos/:id/aprovar',
    { ...gestorMeta, screen: 'Aprovar pedido de acesso', maxBodyBytes: 16 * 1024 },
    async (c) => {
      const id = requestIdParam(c);
      const body = await c.req.parseBody();
      const duration = parseDuration(body.duracao);
      const modo = body.modo;
      const mode = modo === 'prorrogar' ? 'extend' : modo === 'substituir' ? 'replace' : undefined;
      if (modo !== undefined && modo !== '' && !mode) return back(c, { tone: 'error', message: m('grant.error.mode') });
      if (!duration) return back(c, { tone: 'error', message: m('grant.error.duration') });
      const expectedGrantId = grantIdField(body.acesso);
      const base = activeBase(c);
      const by = actingUser(c);
      const now = services.clock.now();
      const outcome = await requestTx(c, async (tx): Promise<Outcome> => {
        const request = await requestOfBase(tx, base, id);
        if (!request) throw new HttpError(404);
        if (expectedGrantId !== undefined && !(await grantById(tx, base, expectedGrantId))) throw new HttpError(404);
        const state = requestState(request, now);
        if (state === 'expired') return { tone: 'error', message: m('requests.error.expired') };
        if (state !== 'pending') return { tone: 'info', message: m('requests.error.notPending') };
        const result = await grantAccess(tx, services, { base, by, duration, reason: request.reason, mode, expectedGrantId, requestId: id });
        if (result.kind === 'needs_choice') return { tone: 'error', message: m('grant.error.mode') };
        if (result.kind === 'stale') return { tone: 'error', message: m('grant.error.stale') };
        await tx
          .update(accessRequests)
          .set({ status: 'approved', decidedAt: now, decidedByUserId: by.userId, decidedByName: by.name, grantId: result.grant.id })
          .where(and(eq(accessRequests.resellerId, base.resellerId), eq(accessRequests.id, id)));
        await services.notifications.notify(tx, [
          {
            userId: request.agentUserId,
            kind: 'support_access.request_approved',
            title: m('requests.notifyAgent.approved', { id: base.clinicId }),
            body: m('requests.notifyAgent.approvedBody', {
              gestor: by.name,
              base: base.name,
              id: base.clinicId,
              end: formatDateTime(result.grant.endsAt),
            }),
            link: '/suporte/bases',
          },
        ]);
        await services.audit.append(
          {
            action: 'support.access_request.approved',
            actorUserId: by.userId,
            actorEmail: by.email,
            resellerId: base.resellerId,
            clinicId: base.clinicId,
            target: `request:${id}`,
            ip: by.ip,
            requestId: by.requestId,
            details: { grantId: result.grant.id, result: result.kind, duration: duration.key },
          },
          tx,
        );
        return { tone: 'success', message: m('requests.done.approved', { detail: grantFlash(result) }), granted: result };
      });
      if (outcome.granted) await emitGrantResult(services, base, by.userId, outcome.granted);
      return back(c, outcome);
    },
  );

  router.post(
    '/acesso-suporte/pedidos/:id/recusar',
    { ...gestorMeta, screen: 'Recusar pedido de acesso', maxBodyBytes: 16 * 1024 },
    async (c) => {
      const id = requestIdParam(c);
      const base = activeBase(c);
      const by = actingUser(c);
      const now = services.clock.now();
      const outcome = await requestTx(c, async (tx): Promise<Outcome> => {
        const request = await requestOfBase(tx, base, id);
        if (!request) throw new HttpError(404);
        const state = requestState(request, now);
        if (state === 'expired') return { tone: 'info', message: m('requests.error.expired') };
        if (state !== 'pending') return { tone: 'info', message: m('requests.error.notPending') };
        await tx
          .update(accessRequests)
          .set({ status: 'declined', decidedAt: now, decidedByUserId: by.userId, decidedByName: by.name })
          .where(and(eq(accessRequests.resellerId, base.resellerId), eq(accessRequests.id, id)));
        await services.notifications.notify(tx, [
          {
            userId: request.agentUserId,
            kind: 'support_access.request_declined',
            title: m('requests.notifyAgent.declined', { id: base.clinicId }),
            body: m('requests.notifyAgent.declinedBody', { gestor: by.name, base: base.name, id: base.clinicId }),
            link: '/suporte/solicitar',
          },
        ]);
        await services.audit.append(
          {
            action: 'support.access_request.declined',
            actorUserId: by.userId,
            actorEmail: by.email,
            resellerId: base.resellerId,
            clinicId: base.clinicId,
            target: `request:${id}`,
            ip: by.ip,
            requestId: by.requestId,
          },
          tx,
        );
        return { tone: 'success', message: m('requests.done.declined', { agent: request.agentName }) };
      });
      return back(c, outcome);
    },
  );
}
