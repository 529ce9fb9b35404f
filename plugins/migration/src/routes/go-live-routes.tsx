import { HttpError, type PluginRouter } from '@painel/core/plugin';
import { and, eq } from 'drizzle-orm';
import { requests } from '../db/schema.ts';
import { goLiveDone, markStep, parseGoLive } from '../domain/go-live.ts';
import { isFinal } from '../domain/states.ts';
import { type Ctx, type Env, field, formOf, idParam } from '../http/request.ts';
import { notifyParticipants } from '../notify.ts';
import { P } from '../permissions.ts';
import { requestPath } from '../ui/request-table.tsx';
import { auditRequest } from './audit-request.ts';
import { loadForChange } from './load-request.ts';

/** The go-live checklist: saved by the requester or the team, each step marked done or reopened; audited. */
export function goLiveRoutes(router: PluginRouter, { ctx }: Env, page: (c: Ctx, id: number, errors: string[]) => Promise<Response>): void {
  const meta = { permission: P.request, dataClass: 'personal', screen: 'Roteiro de go-live' } as const;

  router.post('/solicitacoes/:id{[0-9]+}/go-live', meta, async (c) => {
    const id = idParam(c);
    const actor = c.get('actor');
    const form = await formOf(c);
    const now = ctx.clock.now();
    const errors = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      if (isFinal(r.state)) return ['A migração terminou: o roteiro não muda mais.'];
      const parsed = parseGoLive(form, r.goLive);
      if (!parsed.ok) return parsed.errors;
      await tx.update(requests).set({ goLive: parsed.value, updatedAt: now }).where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
      await auditRequest(ctx, c, tx, r, 'migration.golive.saved', { steps: parsed.value.steps.length, continuity: parsed.value.continuity });
      await notifyParticipants(ctx, tx, r, actor.user!.id, `Migração #${r.id}: roteiro de go-live atualizado`, r.clinicName);
      return [];
    });
    if (errors.length > 0) return page(c, id, errors);
    await c.get('flash')('Roteiro de go-live salvo.', 'success');
    return c.redirect(`${requestPath(id)}#go-live`, 303);
  });

  router.post('/solicitacoes/:id{[0-9]+}/go-live/passos/:passo{[0-9]+}', meta, async (c) => {
    const id = idParam(c);
    const index = idParam(c, 'passo');
    const actor = c.get('actor');
    const done = field(await formOf(c), 'feito');
    const now = ctx.clock.now();
    const errors = await c.get('tx')(async (tx) => {
      const { r } = await loadForChange(c, tx, id);
      if (isFinal(r.state)) return ['A migração terminou: o roteiro não muda mais.'];
      if (done !== 'sim' && done !== 'nao') return ['Diga se o passo foi feito.'];
      if (!r.goLive) return ['Salve o roteiro de go-live antes de marcar os passos.'];
      const next = markStep(r.goLive, index, done === 'sim', actor.user!.name, now);
      if (!next) throw new HttpError(404);
      await tx.update(requests).set({ goLive: next, updatedAt: now }).where(and(eq(requests.resellerId, r.resellerId), eq(requests.id, r.id)));
      await auditRequest(ctx, c, tx, r, 'migration.golive.step', { stepNumber: index + 1, what: next.steps[index]!.what, done: done === 'sim', complete: goLiveDone(next) });
      return [];
    });
    if (errors.length > 0) return page(c, id, errors);
    return c.redirect(`${requestPath(id)}#go-live`, 303);
  });
}
