import { Icon } from './icons.tsx';
import { articleHref, type PanelLinks, panelIds } from './panel-links.ts';
import type { AchievementState, TaskState, TrackState } from './panel-state.ts';
import { ProgressBar } from './progress-bar.tsx';

export const LOCK_MESSAGE = 'Conclua as etapas anteriores para liberar';

interface BlockProps {
  track: TrackState;
  achievement: AchievementState;
  links: PanelLinks;
  open: boolean;
  /** Rendered as an htmx out-of-band swap (its state changed because another block changed). */
  oob?: boolean;
}

/** One conquista: a collapsible block with its progress, lock state and tasks. */
export function AchievementBlock({ track, achievement, links, open, oob }: BlockProps) {
  const id = panelIds.achievement(track.trackId, achievement.index);
  const state = achievement.complete ? 'is-complete' : achievement.locked ? 'is-locked' : 'is-open';
  return (
    <details
      class={`vp-achievement ${state}`}
      id={id}
      open={open}
      data-testid="conquista"
      hx-swap-oob={oob ? 'outerHTML' : undefined}
    >
      <summary>
        <span class="vp-ach-head">
          <span class="vp-ach-icon" aria-hidden="true">
            {achievement.complete ? <Icon name="check" /> : achievement.locked ? <Icon name="lock" /> : String(achievement.index + 1)}
          </span>
          <span class="vp-ach-title">{achievement.description}</span>
          <StatusBadge achievement={achievement} />
        </span>
        {achievement.locked ? (
          <span class="vp-lock" data-testid="lock-message">
            <Icon name="lock" label="Bloqueada:" /> {LOCK_MESSAGE}.
          </span>
        ) : (
          <ProgressBar
            id={`${id}-progresso`}
            label={`Progresso de “${achievement.description}”`}
            done={achievement.done}
            total={achievement.total}
            small
          />
        )}
      </summary>
      <ul class="vp-tasks">
        {achievement.tasks.map((task) => (
          <TaskItem track={track} achievement={achievement} task={task} links={links} blockId={id} />
        ))}
      </ul>
    </details>
  );
}

function StatusBadge({ achievement }: { achievement: AchievementState }) {
  if (achievement.complete) return <span class="badge badge-ok">Concluída</span>;
  if (achievement.locked) return <span class="badge badge-muted">Bloqueada</span>;
  if (achievement.done === 0) return <span class="badge badge-info">Para começar</span>;
  return <span class="badge badge-warn">Em andamento</span>;
}

function TaskItem(props: { track: TrackState; achievement: AchievementState; task: TaskState; links: PanelLinks; blockId: string }) {
  const { track, achievement, task, links } = props;
  const disabled = links.markAction === null || achievement.locked;
  return (
    <li class={`vp-task${task.done ? ' is-done' : ''}`} data-testid="tarefa">
      <span class="vp-check" aria-hidden="true">
        {task.done ? <Icon name="check" /> : null}
      </span>
      <span class="vp-task-title">
        {task.title}
        <span class="visually-hidden">{task.done ? ' (concluída)' : ' (pendente)'}</span>
      </span>
      <span class="vp-task-actions">
        {achievement.locked ? null : task.link.kind === 'youtube' ? (
          <a href={links.taskHref(track, achievement, task)} class="vp-action">
            <Icon name="play" /> Assistir vídeo
          </a>
        ) : (
          <a href={articleHref(task.link.slug)} class="vp-action">
            <Icon name="article" /> Ler artigo
          </a>
        )}
        {!achievement.locked && (
          <form
            method="post"
            action={links.markAction ?? undefined}
            class="vp-mark-form"
            hx-post={links.markAction ?? undefined}
            hx-target={`#${props.blockId}`}
            hx-swap="outerHTML"
          >
            <input type="hidden" name="trilha" value={String(track.trackId)} />
            <input type="hidden" name="conquista" value={achievement.key} />
            <input type="hidden" name="tarefa" value={task.key} />
            <input type="hidden" name="concluida" value={task.done ? '0' : '1'} />
            {task.done ? (
              <button type="submit" class="secondary outline vp-unmark" disabled={disabled}>
                Desmarcar
              </button>
            ) : (
              <button type="submit" class="vp-mark" disabled={disabled}>
                Marcar como concluída
              </button>
            )}
          </form>
        )}
      </span>
    </li>
  );
}
