import { type PluginContext, renderPage } from '@painel/core/plugin';
import { and, desc, eq } from 'drizzle-orm';
import { attachmentsOf } from '../attachments/attachment-store.ts';
import { versions } from '../db/schema.ts';
import { availableActions } from '../domain/lifecycle.ts';
import type { Ctx } from '../http/request.ts';
import { RequestPage } from '../pages/request-page.tsx';
import { lifecycleOf, threadOf, timelineOf } from '../store/request-store.ts';
import { backupsOf } from './backup-routes.tsx';
import { loadRequest } from './load-request.ts';
import { downloadsPackage, packagesOf } from './package-routes.tsx';

/** One request's page (its facts, actions, checklist, backups, validation versions, final packages, plan, thread and timeline), with the form errors of a refused change. */
export async function requestView(ctx: PluginContext<unknown>, c: Ctx, id: number, errors: string[] = [], status: 200 | 409 | 422 = 200): Promise<Response> {
  const now = ctx.clock.now();
  const data = await c.get('tx')(async (tx) => {
    const { r, role } = await loadRequest(c, tx, id);
    return {
      r,
      role,
      timeline: await timelineOf(tx, r), thread: await threadOf(tx, r), backups: await backupsOf(tx, r), attachments: await attachmentsOf(tx, r),
      versions: await tx.select().from(versions).where(and(eq(versions.resellerId, r.resellerId), eq(versions.requestId, r.id))).orderBy(desc(versions.number)),
      packages: await packagesOf(tx, r),
    };
  });
  const actions = availableActions(lifecycleOf(data.r), data.role, now);
  return renderPage(c, {
    title: `Migração #${id}`,
    status,
    body: <RequestPage {...data} now={now} actions={actions} errors={errors} canDownload={downloadsPackage(c.get('actor'), data.r)} />,
  });
}
