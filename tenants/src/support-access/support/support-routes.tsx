import { type CoreServices, renderPage, type ScreenRouter } from '@painel/core/module';
import { recordSupportRequest } from '../access-log/record-access.ts';
import { requestTx } from '../db/request-tx.ts';
import { baseBookkeeping, supportScope } from '../db/scopes.ts';
import { recordFirstUse } from '../grants/first-use.ts';
import { m } from '../messages.ts';
import { BasesPage } from './bases-page.tsx';
import { grantedBases } from './granted-bases.ts';

const meta = { permission: 'support.agent', dataClass: 'general', screen: 'Bases com acesso liberado' } as const;

/** The support side: the bases with an active grant, entering one and leaving it. */
export function supportRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/suporte/bases', meta, async (c) => {
    const user = c.get('actor').user!;
    const now = services.clock.now();
    // The agent's own list, in the support scope even while inside a base (RLS: active grants only).
    const bases = await requestTx(c, (tx) => grantedBases(tx, now), supportScope(user.id));
    const inside = c.get('actor').supportGrant ? (c.get('actor').activeClinic?.clinicId ?? null) : null;
    return renderPage(c, { title: m('bases.title'), body: <BasesPage bases={bases} now={now} insideClinicId={inside} /> });
  });

  router.post('/suporte/bases/entrar', { ...meta, screen: 'Entrar na base' }, async (c) => {
    const actor = c.get('actor');
    const user = actor.user!;
    const body = await c.req.parseBody();
    const raw = String(body.base ?? '').trim();
    const clinicId = /^\d{1,15}$/.test(raw) ? Number(raw) : null;
    const now = services.clock.now();
    const [base] = clinicId === null ? [] : await requestTx(c, (tx) => grantedBases(tx, now, clinicId), supportScope(user.id));
    if (!base) {
      await services.audit.append({
        action: 'support.enter',
        outcome: 'denied',
        actorUserId: user.id,
        actorEmail: user.email,
        target: `base:${raw.slice(0, 20)}`,
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
        details: { reason: 'no_active_grant' },
      });
      await c.get('flash')(m('bases.error.noGrant', { id: raw.slice(0, 20) || '—' }), 'error');
      return c.redirect('/suporte/bases', 303);
    }
    const key = { resellerId: base.resellerId, clinicId: base.clinicId };
    await services.sessions.update(actor.sessionId!, { activeResellerId: base.resellerId, activeClinicId: base.clinicId });
    const agent = { userId: user.id, name: user.name, email: user.email };
    await baseBookkeeping(services, key, async (tx) => {
      await services.audit.append(
        {
          action: 'support.enter',
          actorUserId: user.id,
          actorEmail: user.email,
          actingFor: `suporte na base ${base.clinicId}`,
          resellerId: base.resellerId,
          clinicId: base.clinicId,
          target: `grant:${base.grantId}`,
          ip: c.get('clientIp'),
          requestId: c.get('requestId'),
        },
        tx,
      );
      await recordSupportRequest(tx, services, {
        base: key,
        grantId: base.grantId,
        agent,
        method: 'POST',
        path: c.req.path,
        screen: 'Entrada na base',
        dataClass: 'general',
        outcome: 'allowed',
        status: 303,
        reason: null,
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
      });
      await recordFirstUse(tx, services, { base: key, grantId: base.grantId, clinicName: base.clinicName, agent });
    });
    await c.get('flash')(m('bases.done.entered', { base: base.clinicName, id: base.clinicId }), 'success');
    return c.redirect('/', 303);
  });

  router.post('/suporte/bases/sair', { ...meta, screen: 'Sair da base' }, async (c) => {
    const actor = c.get('actor');
    const user = actor.user!;
    const session = c.get('session');
    const inside = actor.activeClinic;
    if (session && (session.activeClinicId !== null || session.activeResellerId !== null)) {
      await services.sessions.update(session.id, { activeResellerId: null, activeClinicId: null });
    }
    if (inside) {
      await services.audit.append({
        action: 'support.leave',
        actorUserId: user.id,
        actorEmail: user.email,
        actingFor: `suporte na base ${inside.clinicId}`,
        resellerId: inside.resellerId,
        clinicId: inside.clinicId,
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
      });
      await c.get('flash')(m('bases.done.left', { base: inside.name }), 'info');
    } else if (session?.activeClinicId !== null && session?.activeClinicId !== undefined) {
      await c.get('flash')(m('ended.title'), 'info');
    }
    return c.redirect('/suporte/bases', 303);
  });
}
