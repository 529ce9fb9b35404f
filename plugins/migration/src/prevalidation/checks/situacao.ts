/** An appointment's status matched to the known ones; anything else is a warning (listed for review). */
import { fold } from '../fold.ts';

export const SITUACOES = ['agendado', 'confirmado', 'atendido', 'faltou', 'cancelado', 'remarcado', 'em atendimento', 'aguardando'] as const;
export type Situacao = (typeof SITUACOES)[number];

const SYNONYMS: Record<string, Situacao> = {
  agendado: 'agendado', agendada: 'agendado', marcado: 'agendado', marcada: 'agendado', a: 'agendado', pendente: 'agendado', aberto: 'agendado',
  confirmado: 'confirmado', confirmada: 'confirmado', c: 'confirmado',
  atendido: 'atendido', atendida: 'atendido', realizado: 'atendido', realizada: 'atendido', concluido: 'atendido', finalizado: 'atendido', compareceu: 'atendido',
  faltou: 'faltou', falta: 'faltou', faltante: 'faltou', 'nao compareceu': 'faltou', ausente: 'faltou', 'no show': 'faltou',
  cancelado: 'cancelado', cancelada: 'cancelado', desmarcado: 'cancelado', desmarcada: 'cancelado',
  remarcado: 'remarcado', remarcada: 'remarcado', reagendado: 'remarcado', reagendada: 'remarcado',
  'em atendimento': 'em atendimento', aguardando: 'aguardando', 'em espera': 'aguardando', 'sala de espera': 'aguardando',
};

export function parseSituacao(value: string): Situacao | null {
  return SYNONYMS[fold(value)] ?? null;
}
