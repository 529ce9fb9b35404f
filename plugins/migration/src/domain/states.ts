/**
 * The lifecycle of a migration request (SPEC §8, seed 000), as an explicit state machine: the states,
 * who acts next in each and by when, and the actions that move a request between them.
 */

export const STATES = {
  solicitada: 'Solicitada',
  extracao_agendada: 'Extração agendada',
  backup_recebido: 'Backup recebido',
  analise_viabilidade: 'Análise de viabilidade',
  versao_validacao: 'Versão de validação',
  ajustes: 'Ajustes',
  aprovada: 'Aprovada',
  versao_final_agendada: 'Versão final agendada',
  versao_final_executada: 'Versão final executada',
  encerrada: 'Encerrada',
  cancelada: 'Cancelada',
} as const;
export type State = keyof typeof STATES;
export const STATE_KEYS = Object.keys(STATES) as State[];
export const FINAL_STATES: readonly State[] = ['encerrada', 'cancelada'];
export const isFinal = (s: State): boolean => FINAL_STATES.includes(s);

/** Who acts next: the vendor's migration team, or the clinic side (the base's gestor and the singular's analyst). */
export type Side = 'equipe' | 'clinica';
export const SIDES: Record<Side, string> = { equipe: 'Equipe de migração', clinica: 'Clínica e singular' };

/** The label of a state, with the round of a validation version ("Versão de validação 2"). */
export function stateLabel(state: State, round: number): string {
  return state === 'versao_validacao' ? `${STATES[state]} ${round}` : STATES[state];
}

/** What is awaited in each state, shown beside the deadline. */
export const AWAITING: Record<State, string> = {
  solicitada: 'Agendar a extração (resposta em até 1 dia útil)',
  extracao_agendada: 'Extrair e enviar o backup, com a checagem de TI',
  backup_recebido: 'Iniciar a análise de viabilidade',
  analise_viabilidade: 'Parecer de viabilidade com o prazo estimado (até 3 dias úteis após o backup)',
  versao_validacao: 'Validar a versão no ambiente de homologação (disponível por 15 dias)',
  ajustes: 'Publicar a próxima versão de validação com os ajustes',
  aprovada: 'Agendar a versão final (resposta em até 1 dia útil)',
  versao_final_agendada: 'Executar a versão final na data agendada',
  versao_final_executada: 'Conferir os dados migrados (2 semanas) e encerrar',
  encerrada: 'Nada: a migração está encerrada',
  cancelada: 'Nada: a solicitação foi cancelada',
};
