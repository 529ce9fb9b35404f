import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import type { CoreServices } from '../app/services.ts';
import { jobs } from '../db/schema/index.ts';
import type { AppEnv } from '../http/env.ts';
import { HttpError } from '../http/http-error.ts';
import type { ScreenRouter } from '../http/screen-router.ts';
import type { Decision } from '../policy/decision.ts';
import { PageHeader } from '../ui/components.tsx';
import { isHtmx, renderPage } from '../ui/render.tsx';
import { decideJobCancel, decideJobView } from './job-access.ts';
import { JobProgress } from './job-progress.tsx';
import { isUuid, jobView } from './queue.ts';
import type { JobView } from './types.ts';

function refuse(decision: Decision): void {
  if (decision.kind === 'allow') return;
  if (decision.kind === 'forbidden') throw new HttpError(403, decision.reason);
  throw new HttpError(404);
}

/**
 * The progress of one job, read in the request's own scope (row-level security shows a tenant only
 * its jobs), then checked by the policy module.
 */
async function visibleJob(c: Context<AppEnv>): Promise<JobView> {
  const id = c.req.param('id') ?? '';
  if (!isUuid(id)) throw new HttpError(404);
  const [row] = await c.get('tx')((tx) => tx.select().from(jobs).where(eq(jobs.id, id)));
  if (!row) throw new HttpError(404);
  const job = jobView(row);
  refuse(decideJobView(c.get('actor'), job));
  return job;
}

/** `GET /tarefas/:id` (the progress fragment, polled by htmx; a page when opened directly) and its cancel. */
export function jobRoutes(router: ScreenRouter, services: CoreServices): void {
  const view = { permission: 'jobs.view', dataClass: 'general', screen: 'Andamento da tarefa' } as const;
  const respond = async (c: Context<AppEnv>, job: JobView) => {
    const fragment = <JobProgress job={job} canCancel={decideJobCancel(c.get('actor'), job).kind === 'allow'} />;
    if (isHtmx(c)) return c.html(fragment);
    return renderPage(c, { title: 'Andamento da tarefa', body: <><PageHeader title="Andamento da tarefa" />{fragment}</> });
  };

  router.get('/tarefas/:id', view, async (c) => respond(c, await visibleJob(c)));

  router.post('/tarefas/:id/cancelar', { permission: 'jobs.cancel', dataClass: 'general', screen: 'Cancelar tarefa' }, async (c) => {
    const job = await visibleJob(c);
    refuse(decideJobCancel(c.get('actor'), job));
    const cancelled = await services.jobs.cancelJob(job.id);
    if (cancelled) {
      await services.audit.append({
        action: 'job.cancel',
        actorUserId: c.get('actor').user!.id,
        resellerId: job.resellerId,
        clinicId: job.clinicId,
        ip: c.get('clientIp'),
        requestId: c.get('requestId'),
        target: `tarefa ${job.owner}:${job.kind}`,
        details: { job: job.id, kind: `${job.owner}:${job.kind}` },
      });
    }
    if (!isHtmx(c)) {
      await c.get('flash')(cancelled ? 'Cancelamento solicitado.' : 'A tarefa já havia terminado.', cancelled ? 'success' : 'error');
      return c.redirect(`/tarefas/${job.id}`, 303);
    }
    return respond(c, (await services.jobs.find(job.id)) ?? job);
  });
}
