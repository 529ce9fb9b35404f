/** Why a run's `signal` aborted; the reason the signal carries. */
export type JobAbortCause = 'cancel' | 'timeout' | 'lease' | 'shutdown';

export class JobAbortError extends Error {
  override name = 'JobAbortError';
  constructor(
    readonly why: JobAbortCause,
    message: string,
  ) {
    super(message);
  }
}

export const abortMessages: Record<JobAbortCause, string> = {
  cancel: 'A tarefa foi cancelada.',
  timeout: 'A tarefa excedeu o tempo limite.',
  lease: 'Esta execução perdeu a posse da tarefa (outra instância a assumiu).',
  shutdown: 'A aplicação está sendo encerrada; a tarefa será retomada depois.',
};
