import { type CoreServices, formatDateTime, HttpError, type ScreenRouter } from '@painel/core/module';
import { requestTx } from '../db/request-tx.ts';
import { actingUser } from '../grants/audit-context.ts';
import { grantAccess, type GrantResult, revokeGrant } from '../grants/grant-actions.ts';
import { grantById } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';
import { activeBase, showGrantPage } from './grant-page.tsx';
import { grantIdField, parseGrantInput } from './grant-input.ts';
import { emitGrantResult, emitRevokeResult } from '../grants/grant-events.ts';

export const gestorMeta = { permission: 'clinic.gestor', dataClass: 'personal', screen: 'Acesso suporte' } as const;

/** The flash after a grant change, saying which of granted / extended / replaced happened. */
export function grantFlash(result: Exclude<GrantResult, { kind: 'needs_choice' } | { kind: 'stale' }>): string {
  const end = formatDateTime(result.grant.endsAt);
  if (result.kind === 'extended') return m(result.capped ? 'grant.done.extendedCapped' : 'grant.done.extended', { end });
  if (result.kind === 'replaced') return m('grant.done.replaced', { end });
  return m('grant.done.granted', { end });
}

/** The gestor grants, extends, replaces and revokes the support team's access to the active base. */
export function grantRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/acesso-suporte', gestorMeta, (c) => showGrantPage(c));

  router.post('/acesso-suporte/conceder', { ...gestorMeta, screen: 'Conceder acesso suporte', maxBodyBytes: 16 * 1024 }, async (c) => {
    const input = parseGrantInput(await c.req.parseBody());
    if (!input.duration || Object.keys(input.errors).length > 0) {
      return showGrantPage(c, { values: input.values, errors: input.errors, status: 422 });
    }
    const base = activeBase(c);
    const by = actingUser(c);
    const duration = input.duration;
    const result = await requestTx(c, async (tx) => {
      if (input.expectedGrantId !== undefined && !(await grantById(tx, base, input.expectedGrantId))) throw new HttpError(404);
      return grantAccess(tx, services, {
        base,
        by,
        duration,
        reason: input.reason,
        mode: input.mode,
        expectedGrantId: input.expectedGrantId,
      });
    });
    if (result.kind === 'needs_choice') return showGrantPage(c, { values: input.values, asking: true, status: 409 });
    if (result.kind === 'stale') {
      await c.get('flash')(m('grant.error.stale'), 'error');
      return c.redirect('/acesso-suporte', 303);
    }
    await emitGrantResult(services, base, by.userId, result);
    await c.get('flash')(grantFlash(result), 'success');
    return c.redirect('/acesso-suporte', 303);
  });

  router.post('/acesso-suporte/revogar', { ...gestorMeta, screen: 'Revogar acesso suporte', maxBodyBytes: 16 * 1024 }, async (c) => {
    const body = await c.req.parseBody();
    const grantId = grantIdField(body.acesso);
    if (grantId === undefined) throw new HttpError(404);
    const base = activeBase(c);
    const by = actingUser(c);
    const result = await requestTx(c, (tx) => revokeGrant(tx, services, { base, grantId, by }));
    if (result.kind === 'not_found') throw new HttpError(404);
    await emitRevokeResult(services, base, by.userId, result);
    if (result.kind === 'already_ended') await c.get('flash')(m('grant.error.alreadyEnded'), 'info');
    else await c.get('flash')(m('grant.done.revoked'), 'success');
    return c.redirect('/acesso-suporte', 303);
  });
}
