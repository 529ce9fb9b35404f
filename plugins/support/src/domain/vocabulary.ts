/**
 * The ticket vocabulary of seed 001 (suporte & SLA): categories, system modules, statuses and
 * priorities, with their pt-BR labels. Codes are stored in the database; labels are for screens.
 */

export const CATEGORIES = ['duvida', 'erro', 'melhoria', 'tiss'] as const;
export type Category = (typeof CATEGORIES)[number];
export const categoryLabel: Record<Category, string> = {
  duvida: 'Dúvida',
  erro: 'Erro / bug',
  melhoria: 'Pedido de melhoria',
  tiss: 'TISS',
};
/** What each category means (seed 001: "situações de suporte", "erros/bugs"). */
export const categoryHint: Record<Category, string> = {
  duvida: 'Como usar uma opção do sistema, qualquer que seja a complexidade.',
  erro: 'Uma função não pode ser operada, está lenta ou não entrega o resultado esperado.',
  melhoria: 'Uma opção que o sistema não tem ou um comportamento que você gostaria que fosse diferente.',
  tiss: 'TISS integrada: autorizações, guias, lotes, glosas.',
};

export const MODULES = ['agenda', 'prontuario', 'faturamento', 'financeiro', 'cadastros', 'migracao', 'outro'] as const;
export type SystemModule = (typeof MODULES)[number];
export const moduleLabel: Record<SystemModule, string> = {
  agenda: 'Agenda',
  prontuario: 'Prontuário',
  faturamento: 'Faturamento / TISS',
  financeiro: 'Financeiro',
  cadastros: 'Cadastros',
  migracao: 'Migração',
  outro: 'Outro',
};

export const STATUSES = ['aberto', 'em_atendimento', 'aguardando_cliente', 'resolvido', 'fechado'] as const;
export type TicketStatus = (typeof STATUSES)[number];
export const statusLabel: Record<TicketStatus, string> = {
  aberto: 'Aberto',
  em_atendimento: 'Em atendimento',
  aguardando_cliente: 'Aguardando cliente',
  resolvido: 'Resolvido',
  fechado: 'Fechado',
};
export const statusBadge: Record<TicketStatus, string> = {
  aberto: 'badge-info',
  em_atendimento: 'badge-ok',
  aguardando_cliente: 'badge-warn',
  resolvido: 'badge-muted',
  fechado: 'badge-muted',
};
/** Statuses in which the ticket still needs work. */
export const OPEN_STATUSES: readonly TicketStatus[] = ['aberto', 'em_atendimento', 'aguardando_cliente'];

export const PRIORITIES = ['alta', 'media', 'baixa'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const priorityLabel: Record<Priority, string> = { alta: 'Alta', media: 'Média', baixa: 'Baixa' };
export const priorityBadge: Record<Priority, string> = { alta: 'badge-danger', media: 'badge-warn', baixa: 'badge-info' };
/** First-response targets in business hours (seed 001, "Acordo de Nível de Serviço"). */
export const firstResponseHours: Record<Priority, number> = { alta: 8, media: 20, baixa: 80 };
/** Priority an untriaged ticket's SLA runs on until support sets one. */
export const DEFAULT_PRIORITY: Priority = 'media';
/** The seed's definitions, shown next to the choice when triaging. */
export const priorityDefinition: Record<Priority, string> = {
  alta:
    'O sistema não está em condições de ser operado ou não está funcional: não é possível operar o sistema ou executar alguma função essencial para a qual ele é rotineiramente utilizado.',
  media:
    'Algumas funções do sistema não estão operacionais ou o sistema apresenta erros, porém é possível operá-lo e sua funcionalidade, embora prejudicada, não é comprometida.',
  baixa:
    'Erros de menor importância, como problemas de apresentação de telas ou relatórios, problemas menores que não influem na operação e funcionalidade do sistema.',
};

/** Who handles a ticket: the vendor's support team, or the singular's own support team. */
export const QUEUES = ['vendor', 'reseller'] as const;
export type Queue = (typeof QUEUES)[number];
export const queueLabel: Record<Queue, string> = { vendor: 'Suporte do fornecedor', reseller: 'Equipe da singular' };

/** Columns of the IT team's board of bug and improvement cards. */
export const BOARD_COLUMNS = ['novo', 'em_analise', 'encaminhado', 'resolvido', 'recusado'] as const;
export type BoardColumn = (typeof BOARD_COLUMNS)[number];
export const boardColumnLabel: Record<BoardColumn, string> = {
  novo: 'Novo',
  em_analise: 'Em análise',
  encaminhado: 'Encaminhado ao fornecedor',
  resolvido: 'Resolvido',
  recusado: 'Recusado',
};
/** Short labels for the per-card move select. */
export const boardColumnShort: Record<BoardColumn, string> = {
  novo: 'Novo',
  em_analise: 'Em análise',
  encaminhado: 'Encaminhado',
  resolvido: 'Resolvido',
  recusado: 'Recusado',
};
/** Categories whose tickets become board cards. */
export const BOARD_CATEGORIES: readonly Category[] = ['erro', 'melhoria'];

export const isOneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);
