import { registerAuditLabels } from '@painel/core/module';

/** pt-BR labels of the audit actions and details the content module writes. */
registerAuditLabels({
  actions: {
    'content.version.upload': 'Conteúdo enviado',
    'content.version.publish': 'Conteúdo publicado',
    'content.version.restore': 'Versão de conteúdo restaurada',
    'content.track.rename': 'Trilha renomeada',
    'content.booking.create': 'Agendamento solicitado',
    'content.booking.status': 'Agendamento atualizado',
  },
  details: {
    fileName: 'Arquivo',
    bytes: 'Tamanho (bytes)',
    notices: 'Ajustes automáticos',
    allBases: 'Todas as bases',
    baseCount: 'Número de bases',
    bases: 'Bases',
    notifiedUsers: 'Usuários avisados',
    builtin: 'Trilha padrão embutida',
    restoredFrom: 'Restaurada da versão',
    slots: 'Horários preferidos',
  },
  values: {
    notices: {
      'normalize.bom': 'BOM UTF-8 removido',
      'normalize.braces': 'chaves { } adicionadas',
      'normalize.trailingComma': 'vírgula final removida',
      'normalize.closedList': 'lista fechada',
    },
  },
});
