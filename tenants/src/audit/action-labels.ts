import { auditActionLabel, registerAuditLabels } from '@painel/core/module';
import { tenantsDetailLabels, tenantsValueLabels } from './detail-labels.ts';

/** pt-BR labels of the audit actions and details this module writes (core's registry; the screen reads them there). */
registerAuditLabels({
  actions: {
  'clinic.switch': 'Troca de base (Alterar Clínica)',
  'clinic.leave': 'Saída da base',
  'user.invite': 'Convite de usuário',
  'user.deactivate': 'Usuário desativado',
  'user.reactivate': 'Usuário reativado',
  'user.multi_clinic': 'Pedido multi clínica',
  'membership.add': 'Acesso a base concedido',
  'membership.remove': 'Acesso a base removido',
  'membership.role_change': 'Perfil alterado',
  'invitation.accept': 'Convite aceito (senha criada)',
  'invitation.reissue': 'Novo link de convite',
  'audit.export': 'Exportação da auditoria (CSV)',
  'clinic.create': 'Base criada',
  'clinic.update': 'Base alterada',
  'clinic.deactivate': 'Base desativada',
  'clinic.reactivate': 'Base reativada',
  'clinic.import': 'Importação de bases (CSV)',
  'reseller.create': 'Singular criada',
  'reseller.update': 'Singular alterada',
  'reseller.deactivate': 'Singular desativada',
  'reseller.reactivate': 'Singular reativada',
  'support.grant.granted': 'Acesso suporte concedido',
  'support.grant.extended': 'Acesso suporte prorrogado',
  'support.grant.replaced': 'Acesso suporte substituído',
  'support.grant.revoked': 'Acesso suporte revogado',
  'support.grant.expired': 'Acesso suporte expirado',
  'support.grant.first_use': 'Primeiro uso do acesso suporte',
  'support.enter': 'Suporte entrou na base',
  'support.leave': 'Suporte saiu da base',
  'support.request': 'Requisição do suporte na base',
  'support.access_request.created': 'Pedido de acesso do suporte',
  'support.access_request.approved': 'Pedido de acesso aprovado',
  'support.access_request.declined': 'Pedido de acesso recusado',
  'support.access_log.exported': 'Exportação do histórico de acessos',
  'seed.large': 'Dados de carga criados',
  },
  details: tenantsDetailLabels,
  values: tenantsValueLabels,
});

/** Groups offered in the action filter: a code ending in "." matches every action under it. */
export const actionFilterOptions: { value: string; label: string }[] = [
  { value: 'auth.', label: 'Login, logout e sessões' },
  { value: 'auth.login', label: 'Login (sucesso e falha)' },
  { value: 'access.denied', label: 'Acesso negado' },
  { value: 'clinic.', label: 'Bases (troca, cadastro, alterações)' },
  { value: 'clinic.switch', label: 'Troca de base (Alterar Clínica)' },
  { value: 'user.', label: 'Usuários (convite, desativação, multi clínica)' },
  { value: 'membership.', label: 'Acessos a bases e perfis' },
  { value: 'invitation.', label: 'Convites' },
  { value: 'reseller.', label: 'Singulares' },
  { value: 'support.', label: 'Acesso suporte e chamados' },
  { value: 'support.request', label: 'Requisições do suporte nas bases' },
  { value: 'content.', label: 'Conteúdos e agendamentos' },
  { value: 'plugin.', label: 'Plugins (ligar, desligar, consultas a todas as singulares)' },
  { value: 'audit.export', label: 'Exportações da auditoria' },
];

export const describeAction = (action: string): string => auditActionLabel(action);
