import type { JobState, JobView } from './types.ts';

const stateLabels: Record<JobState, string> = {
  queued: 'Na fila',
  running: 'Em execução',
  succeeded: 'Concluída',
  failed: 'Falhou',
  cancelled: 'Cancelada',
};
const stateTones: Record<JobState, string> = {
  queued: 'badge-muted',
  running: 'badge-info',
  succeeded: 'badge-ok',
  failed: 'badge-danger',
  cancelled: 'badge-muted',
};

export const isFinished = (state: JobState): boolean => state === 'succeeded' || state === 'failed' || state === 'cancelled';

/** Where the component polls for a job's progress. */
export const jobProgressPath = (id: string): string => `/tarefas/${id}`;

/**
 * A job's progress, for any screen to embed once it has checked the viewer may see the job: the
 * percent bar (`<progress>` with a pt-BR label), the handler's message, the state, the error of a failed
 * job, and "Cancelar" for who may cancel. While the job is not finished it replaces itself every second
 * (htmx `every 1s`); the finished fragment carries no trigger, so polling stops.
 */
export function JobProgress(props: { job: JobView; canCancel: boolean }) {
  const { job, canCancel } = props;
  const finished = isFinished(job.state);
  const domId = `tarefa-${job.id}`;
  const stopping = job.state === 'running' && job.cancelRequested;
  const poll = finished ? {} : { 'hx-get': jobProgressPath(job.id), 'hx-trigger': 'every 1s', 'hx-swap': 'outerHTML' };
  return (
    <section id={domId} class="job-progress" data-testid="job-progress" data-state={job.state} aria-live="polite" {...poll}>
      <label for={`${domId}-barra`}>
        Progresso: {job.percent}%{job.message ? ` — ${job.message}` : ''}
      </label>
      <progress id={`${domId}-barra`} max={100} value={job.percent}>
        {job.percent}%
      </progress>
      <p>
        <span class={`badge ${stateTones[job.state]}`} data-testid="job-state">
          {stopping ? 'Cancelando…' : stateLabels[job.state]}
        </span>
        {job.attempts > 1 && (
          <small class="muted">
            {' '}
            · tentativa {job.attempts} de {job.maxAttempts}
          </small>
        )}
      </p>
      {job.error && job.state !== 'succeeded' && (
        <p class={job.state === 'failed' ? 'field-error' : 'muted small'} data-testid="job-error">
          {job.state === 'failed' ? job.error : `Última falha: ${job.error} Uma nova tentativa será feita.`}
        </p>
      )}
      {canCancel && !finished && !stopping && (
        <form method="post" action={`${jobProgressPath(job.id)}/cancelar`} hx-post={`${jobProgressPath(job.id)}/cancelar`} hx-target={`#${domId}`} hx-swap="outerHTML">
          <button type="submit" class="button-secondary">
            Cancelar
          </button>
        </form>
      )}
    </section>
  );
}
