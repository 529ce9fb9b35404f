import { AchievementBlock } from './achievement-block.tsx';
import { Icon } from './icons.tsx';
import { type PanelLinks, panelIds } from './panel-links.ts';
import { type AchievementState, percent, type TrackState } from './panel-state.ts';
import { ProgressBar } from './progress-bar.tsx';

/** "Etapa 1 — Primeiros passos" → ["Etapa 1", "Primeiros passos"]. */
export function stageLabel(achievement: AchievementState): [string, string] {
  const match = /^(etapa\s+\d+)\s*[—–:-]\s*(.+)$/i.exec(achievement.description);
  return match ? [match[1]!, match[2]!] : [`Etapa ${achievement.index + 1}`, achievement.description];
}

/** One track: title, intro text ("texto complementar"), progress, the etapas overview and its conquistas. */
export function TrackSection(props: { track: TrackState; links: PanelLinks; isOpen: (a: AchievementState) => boolean }) {
  const { track } = props;
  const headingId = `trilha-${track.trackId}-titulo`;
  return (
    <section class="vp-track" aria-labelledby={headingId} data-testid="trilha">
      <TrackSummary track={track} headingId={headingId} />
      {track.isDefault && <StageOverview track={track} />}
      <div class="vp-achievements">
        {track.achievements.map((achievement) => (
          <AchievementBlock track={track} achievement={achievement} links={props.links} open={props.isOpen(achievement)} />
        ))}
      </div>
    </section>
  );
}

export function TrackSummary(props: { track: TrackState; headingId: string; oob?: boolean }) {
  const { track } = props;
  return (
    <div class="vp-track-head" id={panelIds.trackSummary(track.trackId)} hx-swap-oob={props.oob ? 'outerHTML' : undefined}>
      <div class="vp-track-title">
        <h3 id={props.headingId}>{track.name}</h3>
        {track.complete ? <span class="badge badge-ok">Trilha concluída</span> : null}
      </div>
      {track.introText && <p class="vp-intro">{track.introText}</p>}
      <ProgressBar id={`trilha-${track.trackId}-progresso`} label="Progresso da trilha" done={track.done} total={track.total} />
    </div>
  );
}

/** The 5 etapas of the default track at a glance, each with its own progress bar. */
export function StageOverview(props: { track: TrackState; oob?: boolean }) {
  const { track } = props;
  return (
    <ol
      class="vp-stages"
      id={panelIds.stages(track.trackId)}
      aria-label="Etapas"
      hx-swap-oob={props.oob ? 'outerHTML' : undefined}
    >
      {track.achievements.map((achievement) => {
        const [stage, name] = stageLabel(achievement);
        const state = achievement.complete ? 'is-complete' : achievement.locked ? 'is-locked' : 'is-open';
        return (
          <li class={`vp-stage ${state}`}>
            <a href={`#${panelIds.achievement(track.trackId, achievement.index)}`}>
              <span class="vp-stage-number">
                {achievement.complete ? <Icon name="check" /> : achievement.locked ? <Icon name="lock" /> : null}
                {stage}
                <span class="visually-hidden">{achievement.complete ? ' (concluída)' : achievement.locked ? ' (bloqueada)' : ''}</span>
              </span>
              <span class="vp-stage-name">{name}</span>
              <progress
                value={achievement.done}
                max={Math.max(achievement.total, 1)}
                aria-label={`${stage}: ${achievement.done} de ${achievement.total} tarefas concluídas`}
              >
                {percent(achievement.done, achievement.total)}%
              </progress>
            </a>
          </li>
        );
      })}
    </ol>
  );
}
