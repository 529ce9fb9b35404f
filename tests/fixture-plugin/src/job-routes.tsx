import { canCancelJob, canViewJob, HttpError, JobProgress, PageHeader, type PluginContext, type PluginRouter, renderPage } from '@painel/core/plugin';
import type { FixtureSettings } from './settings.ts';

/**
 * Starting the `count-slowly` job for the active base and following it: the plugin checks the job is
 * its own (`ctx.jobs.get`) and that the viewer may see it, then embeds core's progress component.
 */
export function fixtureJobRoutes(router: PluginRouter, ctx: PluginContext<FixtureSettings>): void {
  router.post('/tarefas', { permission: 'fixture-plugin:write', dataClass: 'general', screen: 'Contar devagar' }, async (c) => {
    const actor = c.get('actor');
    const base = actor.activeClinic!;
    const form = await c.req.parseBody();
    const steps = Number(form.etapas ?? 5);
    if (!Number.isInteger(steps) || steps < 1 || steps > 1000) {
      await c.get('flash')('Informe de 1 a 1000 etapas. Nenhuma tarefa foi iniciada.', 'error');
      return c.redirect('/p/fixture-plugin', 303);
    }
    const id = await ctx.jobs.enqueue(
      'count-slowly',
      { steps, stepMs: Number(form.intervalo ?? 200) || 200 },
      { resellerId: base.resellerId, clinicId: base.clinicId, userId: actor.user!.id },
    );
    return c.redirect(`/p/fixture-plugin/tarefas/${id}`, 303);
  });

  router.get('/tarefas/:id', { permission: 'fixture-plugin:view', dataClass: 'general', screen: 'Contagem' }, async (c) => {
    const job = await ctx.jobs.get(c.req.param('id') ?? '');
    const actor = c.get('actor');
    if (!job || !canViewJob(actor, job)) throw new HttpError(404);
    return renderPage(c, {
      title: 'Contagem',
      body: (
        <>
          <PageHeader title="Contagem devagar" />
          <JobProgress job={job} canCancel={canCancelJob(actor, job)} />
        </>
      ),
    });
  });
}
