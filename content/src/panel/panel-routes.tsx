import { type Actor, type CoreServices, HttpError, isHtmx, type PagePart, renderPage, type ScreenRouter } from '@painel/core/module';
import { latestBooking } from '../booking/booking-store.ts';
import { loadPanel } from './load-panel.ts';
import { livePanelLinks, panelIds } from './panel-links.ts';
import { findTask } from './panel-state.ts';
import { MarkResponse, PanelView } from './panel-view.tsx';
import type { ProgressOwner } from './progress-store.ts';
import { setTaskDone } from './progress-store.ts';
import { TaskView } from './task-view.tsx';

const meta = { permission: 'content.panel', dataClass: 'personal' } as const;

/** The clinic user and base the panel's progress belongs to. */
export function progressOwner(actor: Actor): ProgressOwner {
  const base = actor.activeClinic;
  if (!actor.user || !base) throw new HttpError(403, 'Escolha uma base clínica para continuar.');
  return { resellerId: base.resellerId, clinicId: base.clinicId, userId: actor.user.id };
}

/** The task page and "Marcar como concluída" / "Desmarcar". */
export function panelRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/painel/tarefa', { ...meta, screen: 'Tarefa do painel' }, async (c) => {
    const owner = progressOwner(c.get('actor'));
    const state = await c.get('tx')((tx) => loadPanel(tx, owner));
    const found = findTask(state, Number(c.req.query('trilha')), c.req.query('conquista') ?? '', c.req.query('tarefa') ?? '');
    if (!found) throw new HttpError(404);
    const siblings = found.achievement.tasks;
    const next = siblings[siblings.indexOf(found.task) + 1];
    const blockId = panelIds.achievement(found.track.trackId, found.achievement.index);
    return renderPage(c, {
      title: found.task.title,
      body: (
        <TaskView
          {...found}
          markAction={livePanelLinks.markAction}
          backHref={`/?conquista=${found.track.trackId}-${found.achievement.index}#${blockId}`}
          nextHref={next ? livePanelLinks.taskHref(found.track, found.achievement, next) : null}
        />
      ),
    });
  });

  router.post('/painel/tarefas', { ...meta, screen: 'Marcar tarefa do painel' }, async (c) => {
    const owner = progressOwner(c.get('actor'));
    const form = await c.req.parseBody();
    const trackId = Number(form.trilha);
    const achievementKey = String(form.conquista ?? '');
    const taskKey = String(form.tarefa ?? '');
    const done = form.concluida === '1';
    const result = await c.get('tx')(async (tx) => {
      const before = findTask(await loadPanel(tx, owner), trackId, achievementKey, taskKey);
      if (!before) return { kind: 'gone' } as const;
      if (before.achievement.locked) return { kind: 'locked' } as const;
      await setTaskDone(tx, owner, { trackId, achievementKey, taskKey }, done, services.clock.now());
      const state = await loadPanel(tx, owner);
      const after = findTask(state, trackId, achievementKey, taskKey)!;
      return { kind: 'ok', state, ...after, booking: await latestBooking(tx, owner) } as const;
    });
    if (result.kind === 'gone') throw new HttpError(409, 'Esta tarefa não faz mais parte do seu painel. Recarregue a página inicial.');
    if (result.kind === 'locked') throw new HttpError(409, 'Conclua as etapas anteriores para liberar esta conquista.');
    if (isHtmx(c)) {
      return c.html(
        <MarkResponse
          state={result.state}
          track={result.track}
          achievement={result.achievement}
          links={livePanelLinks}
          booking={result.booking}
        />,
      );
    }
    if (form.voltar === 'tarefa') {
      await c.get('flash')(done ? 'Tarefa concluída.' : 'Tarefa desmarcada.', 'success');
      return c.redirect(livePanelLinks.taskHref(result.track, result.achievement, result.task), 303);
    }
    const block = `${result.track.trackId}-${result.achievement.index}`;
    return c.redirect(`/?conquista=${block}#${panelIds.achievement(result.track.trackId, result.achievement.index)}`, 303);
  });
}

/** The video panel on the home screen: clinic users with an active base only. */
export const panelHomeSection: PagePart = async (c) => {
  const actor = c.get('actor');
  if (actor.user?.kind !== 'clinic_user' || !actor.activeClinic) return null;
  const owner = progressOwner(actor);
  const { state, booking } = await c.get('tx')(async (tx) => ({
    state: await loadPanel(tx, owner),
    booking: await latestBooking(tx, owner),
  }));
  if (state.tracks.length === 0) return null;
  return <PanelView state={state} links={livePanelLinks} booking={booking} openBlock={c.req.query('conquista')} />;
};
