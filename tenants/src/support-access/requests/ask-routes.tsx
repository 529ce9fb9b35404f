import { type AppEnv, type CoreServices, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { requestTx } from '../db/request-tx.ts';
import { inScope, supportScope } from '../db/scopes.ts';
import { accessRequests } from '../db/schema.ts';
import { m } from '../messages.ts';
import { grantedBases } from '../support/granted-bases.ts';
import { AskPage } from './ask-page.tsx';
import { asSentence } from './as-sentence.ts';
import { locateBase } from './locate-base.ts';
import { requestsOfAgent } from './request-queries.ts';
import { requestState } from './request-state.ts';

const meta = { permission: 'support.agent', dataClass: 'general', screen: 'Solicitar acesso' } as const;

/** The support agent's side of the request flow: ask a base (id + reason) and see the answers. */
export function askRoutes(router: ScreenRouter, services: CoreServices): void {
  const show = async (
    c: Context<AppEnv>,
    values: { base: string; reason: string },
    errors: { base?: string; reason?: string },
    status: 200 | 422 = 200,
  ) => {
    const user = c.get('actor').user!;
    const mine = await requestTx(c, (tx) => requestsOfAgent(tx, user.id), supportScope(user.id));
    return renderPage(c, {
      title: m('ask.title'),
      status,
      body: <AskPage values={values} errors={errors} mine={mine} now={services.clock.now()} />,
    });
  };

  router.get('/suporte/solicitar', meta, (c) => {
    const base = (c.req.query('base') ?? '').replace(/\D/g, '').slice(0, 15);
    return show(c, { base, reason: '' }, {});
  });

  router.post('/suporte/solicitar', { ...meta, maxBodyBytes: 16 * 1024 }, async (c) => {
    const user = c.get('actor').user!;
    const body = await c.req.parseBody();
    const values = { base: String(body.base ?? '').trim(), reason: String(body.motivo ?? '').trim() };
    const errors: { base?: string; reason?: string } = {};
    if (!/^\d{1,15}$/.test(values.base)) errors.base = m('ask.error.base');
    if (values.reason.length === 0 || values.reason.length > 200) errors.reason = m('ask.error.reason');
    if (errors.base || errors.reason) return show(c, values, errors, 422);

    const clinicId = Number(values.base);
    const base = await locateBase(services, clinicId);
    if (!base) return show(c, values, { base: m('ask.error.baseNotFound', { id: clinicId }) }, 422);
    if (base.gestorIds.length === 0) return show(c, values, { base: m('ask.error.noGestor', { id: clinicId }) }, 422);

    const now = services.clock.now();
    const problem = await inScope(services, supportScope(user.id), async (tx) => {
      if ((await grantedBases(tx, now, clinicId)).length > 0) return m('ask.error.alreadyGranted', { id: clinicId });
      const mine = await requestsOfAgent(tx, user.id, 200);
      if (mine.some((r) => r.clinicId === clinicId && requestState(r, now) === 'pending')) {
        return m('ask.error.pending', { id: clinicId });
      }
      const [row] = await tx
        .insert(accessRequests)
        .values({
          resellerId: base.resellerId,
          clinicId,
          agentUserId: user.id,
          agentName: user.name,
          agentEmail: user.email,
          reason: values.reason,
          createdAt: now,
        })
        .returning({ id: accessRequests.id });
      await services.notifications.notify(
        tx,
        base.gestorIds.map((userId) => ({
          userId,
          kind: 'support_access.request',
          title: m('requests.notify.title'),
          body: m('requests.notify.body', { agent: user.name, base: base.name, id: clinicId, reason: asSentence(values.reason) }),
          link: '/acesso-suporte#pedidos',
          resellerId: base.resellerId,
          clinicId,
        })),
      );
      await services.audit.append(
        {
          action: 'support.access_request.created',
          actorUserId: user.id,
          actorEmail: user.email,
          resellerId: base.resellerId,
          clinicId,
          target: `request:${row!.id}`,
          ip: c.get('clientIp'),
          requestId: c.get('requestId'),
          details: { reason: values.reason, notified: base.gestorIds.length },
        },
        tx,
      );
      return null;
    });
    if (problem) return show(c, values, { base: problem }, 422);
    await c.get('flash')(m('ask.done', { id: clinicId }), 'success');
    return c.redirect('/suporte/solicitar', 303);
  });
}
