import { type AppEnv, type CoreServices, HttpError, renderPage, type ScreenRouter } from '@painel/core/module';
import type { Context } from 'hono';
import { DEFAULT_TRACK_NAME, loadDefaultLiveTrack } from '../panel/load-panel.ts';
import { type PanelLinks, taskQuery } from '../panel/panel-links.ts';
import { buildPanelState, findTask, type LiveTrack, type PanelState } from '../panel/panel-state.ts';
import { PanelView } from '../panel/panel-view.tsx';
import { TaskView } from '../panel/task-view.tsx';
import { PLATFORM_TRACK_ID, versionPath } from '../tracks/track-ref.ts';
import { StartsCompleteWarning } from './starts-complete-warning.tsx';
import { loadVersion } from './version-page.tsx';

const meta = { permission: 'reseller.manage', dataClass: 'general', screen: 'Prévia de trilha' } as const;

/**
 * The preview renders the clinic user's panel with the same components, the platform's default
 * track first (as clinics see it) and this version in place of the live one, with no progress.
 */
async function previewState(c: Context<AppEnv>) {
  const { access, version } = await loadVersion(c);
  const { ref } = access;
  const lives: LiveTrack[] = [];
  const draft: LiveTrack = {
    trackId: ref.owner === 'platform' ? PLATFORM_TRACK_ID : ref.trackId,
    name: ref.owner === 'platform' ? DEFAULT_TRACK_NAME : access.name,
    introText: version.previewText,
    isDefault: ref.owner === 'platform',
    version: version.number,
    track: version.track,
  };
  if (ref.owner === 'reseller') {
    const platform = await c.get('tx')((tx) => loadDefaultLiveTrack(tx));
    if (platform) lives.push(platform);
  }
  lives.push(draft);
  const state: PanelState = buildPanelState(lives, []);
  const base = `${versionPath(ref, version.number)}/previa`;
  const links: PanelLinks = { taskHref: (t, a, k) => `${base}/tarefa?${taskQuery(t, a, k)}`, markAction: null };
  return { access, version, state, links, base };
}

export function previewRoutes(router: ScreenRouter, _services: CoreServices): void {
  router.get('/conteudos/trilhas/:trilha/versoes/:versao/previa', meta, async (c) => {
    const { access, version, state, links } = await previewState(c);
    return renderPage(c, {
      title: `Prévia da versão ${version.number} — ${access.name}`,
      body: (
        <>
          <div class="preview-banner" role="note" data-testid="preview-banner">
            <div>
              <strong>Prévia da versão {version.number}</strong> de “{access.name}”. É assim que os usuários das clínicas verão o painel
              depois da publicação. Os botões ficam desativados na prévia.
            </div>
            <a href={versionPath(access.ref, version.number)} role="button" class="secondary outline">
              Voltar à versão
            </a>
          </div>
          <StartsCompleteWarning track={version.track} />
          <PanelView state={state} links={links} booking={null} preview />
        </>
      ),
    });
  });

  router.get('/conteudos/trilhas/:trilha/versoes/:versao/previa/tarefa', meta, async (c) => {
    const { access, version, state, links, base } = await previewState(c);
    const found = findTask(state, Number(c.req.query('trilha')), c.req.query('conquista') ?? '', c.req.query('tarefa') ?? '');
    if (!found) throw new HttpError(404);
    const siblings = found.achievement.tasks;
    const next = siblings[siblings.indexOf(found.task) + 1];
    return renderPage(c, {
      title: found.task.title,
      body: (
        <>
          <div class="preview-banner" role="note">
            <div>
              <strong>Prévia da versão {version.number}</strong> de “{access.name}”.
            </div>
          </div>
          <TaskView
            {...found}
            markAction={null}
            backHref={base}
            nextHref={next ? links.taskHref(found.track, found.achievement, next) : null}
          />
        </>
      ),
    });
  });
}
