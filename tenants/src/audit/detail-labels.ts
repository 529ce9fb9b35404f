import { grantDurations } from '../support-access/grants/durations.ts';

/** pt-BR names of the detail keys the tenants module writes to the audit log. */
export const tenantsDetailLabels: Record<string, string> = {
  // bases, singulares and imports
  changes: 'Alterações',
  de: 'antes',
  para: 'depois',
  cnpj: 'CNPJ',
  singular: 'Singular',
  city: 'Cidade',
  uf: 'UF',
  generatedId: 'Id gerado automaticamente',
  baseId: 'Id da base',
  baseIds: 'Ids das bases',
  created: 'Bases criadas',
  skipped: 'Linhas ignoradas',
  skippedLines: 'Linhas ignoradas (números)',
  mode: 'Modo',
  file: 'Arquivo',
  sha256: 'Impressão digital do arquivo (SHA-256)',
  // users, invitations, multi-clinic
  existingAccount: 'Conta já existente',
  newLink: 'Novo link',
  expiresAt: 'Vale até',
  added: 'Vínculos criados (bases)',
  alreadyMember: 'Já era membro (bases)',
  refused: 'Recusadas',
  existingBase: 'Base de origem',
  // support access
  duration: 'Duração',
  endsAt: 'Termina em',
  plannedEndsAt: 'Terminaria em',
  previousEndsAt: 'Terminava em',
  endedAt: 'Encerrado em',
  observedAt: 'Observado em',
  capped: 'Limitado a 7 dias',
  supportRequestId: 'Pedido de acesso (número)',
  replacedGrantId: 'Acesso substituído (número)',
  grantId: 'Acesso (número)',
  result: 'Resultado',
  notified: 'Gestores avisados',
  agentUserId: 'Atendente (id interno)',
  demo: 'Dado de demonstração',
};

/** pt-BR meaning of the coded values among those details. */
export const tenantsValueLabels: Record<string, Record<string, string>> = {
  mode: { 'all-or-nothing': 'tudo ou nada', 'valid-only': 'só as linhas válidas' },
  duration: Object.fromEntries(grantDurations.map((d) => [d.key, d.label])),
  result: { granted: 'acesso concedido', extended: 'acesso prorrogado', replaced: 'acesso substituído' },
  via: {
    multi_clinic: 'Multi clínica',
    invitation: 'convite',
    port: 'pedido a partir de um chamado',
    user_page: 'página do usuário',
  },
};
