import { getArticle } from '../articles/index.ts';
import { youtubeEmbedUrl } from '../validation/index.ts';
import { LOCK_MESSAGE } from './achievement-block.tsx';
import { Icon } from './icons.tsx';
import { articleHref } from './panel-links.ts';
import type { AchievementState, TaskState, TrackState } from './panel-state.ts';

export interface TaskViewProps {
  track: TrackState;
  achievement: AchievementState;
  task: TaskState;
  /** Form action for marking; null in a preview. */
  markAction: string | null;
  backHref: string;
  /** The next task of the same conquista, if any. */
  nextHref: string | null;
}

/** One task: its video (privacy-enhanced YouTube embed) or article, and "Marcar como concluída". */
export function TaskView(props: TaskViewProps) {
  const { track, achievement, task } = props;
  const article = task.link.kind === 'article' ? getArticle(task.link.slug) : null;
  return (
    <article class="task-page card" data-testid="task-page">
      <p class="muted small">
        {track.name} › {achievement.description}
      </p>
      <h1>{task.title}</h1>
      {task.done && <p class="badge badge-ok">Concluída</p>}
      {achievement.locked ? (
        <p class="vp-lock">
          <Icon name="lock" label="Bloqueada:" /> {LOCK_MESSAGE}.
        </p>
      ) : task.link.kind === 'youtube' ? (
        <>
        <div class="video-frame">
          <iframe
            src={youtubeEmbedUrl(task.link.videoId)}
            title={`Vídeo: ${task.title}`}
            loading="lazy"
            allow="accelerometer; encrypted-media; gyroscope; picture-in-picture; fullscreen"
            referrerpolicy="strict-origin-when-cross-origin"
            allowfullscreen
          />
        </div>
        <p class="small muted">
          O vídeo não carregou?{' '}
          <a href={`https://www.youtube.com/watch?v=${encodeURIComponent(task.link.videoId)}`} target="_blank" rel="noopener noreferrer">
            Assista no YouTube
          </a>
          .
        </p>
        </>
      ) : (
        <div class="article-body">
          {article ? (
            // biome-ignore lint/security/noDangerouslySetInnerHtml: getArticle returns sanitised HTML.
            <div dangerouslySetInnerHTML={{ __html: article.html }} />
          ) : (
            <p class="muted">Artigo indisponível.</p>
          )}
          <p>
            <a href={articleHref(task.link.slug)}>Abrir o artigo na central de ajuda</a>
          </p>
        </div>
      )}
      <div class="task-actions">
        <a href={props.backHref} role="button" class="secondary outline">
          ← Voltar ao painel
        </a>
        {!achievement.locked && (
          <form method="post" action={props.markAction ?? undefined} class="inline-form">
            <input type="hidden" name="trilha" value={String(track.trackId)} />
            <input type="hidden" name="conquista" value={achievement.key} />
            <input type="hidden" name="tarefa" value={task.key} />
            <input type="hidden" name="concluida" value={task.done ? '0' : '1'} />
            <input type="hidden" name="voltar" value="tarefa" />
            {task.done ? (
              <button type="submit" class="secondary outline" disabled={props.markAction === null}>
                Desmarcar
              </button>
            ) : (
              <button type="submit" disabled={props.markAction === null}>
                Marcar como concluída
              </button>
            )}
          </form>
        )}
        {props.nextHref && (
          <a href={props.nextHref} role="button" class="secondary">
            Próxima tarefa →
          </a>
        )}
      </div>
    </article>
  );
}
