import { registerAuditLabels } from '@painel/core/plugin';
import { boardColumnLabel, categoryLabel, moduleLabel, priorityLabel, queueLabel } from './vocabulary.ts';

const fromTo = { ...priorityLabel, ...boardColumnLabel };

/** pt-BR labels of the audit actions and details the support plugin writes (core's registry). */
registerAuditLabels({
  actions: {
    'support.ticket.opened': 'Chamado aberto',
    'support.ticket.priority': 'Prioridade do chamado alterada',
    'support.card.moved': 'Cartão do quadro movido',
    'support.settings.saved': 'Configurações do suporte salvas',
    'support.attachments.purged': 'Anexos de chamados fechados apagados',
  },
  details: {
    category: 'Categoria',
    module: 'Módulo do sistema',
    queue: 'Fila',
    attachments: 'Anexos',
    attachmentIds: 'Anexos apagados (ids)',
    retentionDays: 'Prazo de guarda (dias)',
    ownSupportTeam: 'Equipe de suporte própria',
    optionalHolidays: 'Pontos facultativos',
    extraDaysOff: 'Folgas extras',
  },
  values: {
    category: categoryLabel,
    module: moduleLabel,
    queue: queueLabel,
    from: fromTo,
    to: fromTo,
  },
});
