import { percent } from './panel-state.ts';

/** An accessible progress bar: a native <progress> with a visible label tied to it. */
export function ProgressBar(props: { id: string; label: string; done: number; total: number; small?: boolean }) {
  const pct = percent(props.done, props.total);
  return (
    <div class={`vp-progress${props.small ? ' vp-progress-small' : ''}`}>
      <label for={props.id} class="vp-progress-label">
        <span>{props.label}</span>
        <span class="vp-progress-count">
          {props.done} de {props.total} {props.total === 1 ? 'tarefa' : 'tarefas'} · {pct}%
        </span>
      </label>
      <progress id={props.id} value={props.done} max={Math.max(props.total, 1)}>
        {pct}%
      </progress>
    </div>
  );
}
