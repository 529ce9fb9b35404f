import { type PluginContext, renderPage } from '@painel/core/plugin';
import { attachmentsOf } from '../attachments/attachment-store.ts';
import { availableActions } from '../domain/lifecycle.ts';
import type { Ctx } from '../http/request.ts';
import { RequestPage } from '../pages/request-page.tsx';
import { lifecycleOf, threadOf, timelineOf } from '../store/request-store.ts';
import { backupsOf } from './backup-routes.tsx';
import { loadRequest } from './load-request.ts';

/** One request's page (its facts, actions, checklist, backups, plan, thread and timeline), with the form errors of a refused change. */
export async function requestView(ctx: PluginContext<unknown>, c: Ctx, id: number, errors: string[] = [], status: 200 | 409 | 422 = 200): Promise<Response> {
  const now = ctx.clock.now();
  const data = await c.get('tx')(async (tx) => {
    const { r, role } = await loadRequest(c, tx, id);
    return { r, role, timeline: await timelineOf(tx, r), thread: await threadOf(tx, r), backups: await backupsOf(tx, r), attachments: await attachmentsOf(tx, r) };
  });
  const actions = availableActions(lifecycleOf(data.r), data.role, now);
  return renderPage(c, {
    title: `Migração #${id}`,
    status,
    body: <RequestPage {...data} now={now} actions={actions} errors={errors} />,
  });
}
