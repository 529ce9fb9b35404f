import { formatDuration } from '../ui/format.ts';

const limit = (ms: number) => (ms < 1_000 ? `${ms} ms` : ms < 60_000 ? `${Math.round(ms / 1000)} s` : formatDuration(ms));

/** pt-BR texts the queue writes into a job's `error` and `message`. */
export const jobMessages = {
  timedOut: (ms: number) => `A tarefa excedeu o tempo limite de ${limit(ms)} e foi interrompida.`,
  crashed: 'A execução foi interrompida porque a instância que a executava parou (queda ou reinício). Não há mais tentativas.',
  outOfAttempts: (attempts: number, why: string) => `${why} Não há mais tentativas (${attempts} de ${attempts}).`,
  cancelled: 'Cancelada.',
  cancelRequested: 'Cancelamento solicitado…',
  unknownKind: (kind: string) => `Tipo de tarefa desconhecido: "${kind}".`,
  failed: (reason: string) => `A tarefa falhou: ${reason}`,
} as const;

/** The first line of an error's message, trimmed to what fits the screen. */
export function errorText(error: unknown): string {
  const text = String((error as Error)?.message ?? error).split('\n')[0]!.trim();
  return (text || 'erro desconhecido').slice(0, 500);
}
