import { registerAuditLabels } from '@painel/core/plugin';
import { CONTINUITY } from './go-live.ts';
import { ACTIONS } from './lifecycle.ts';
import { STATES } from './states.ts';

const actionLabels = Object.fromEntries(Object.entries(ACTIONS).map(([k, v]) => [k, v.label]));

/** pt-BR labels of the audit actions and details the migration plugin writes (core's registry). */
registerAuditLabels({
  actions: {
    'migration.request.opened': 'Migração de dados solicitada',
    'migration.request.action': 'Etapa da migração de dados registrada',
    'migration.checklist.saved': 'Checagem de TI do backup salva',
    'migration.plan.saved': 'Plano de migração e de testes salvo',
    'migration.message.posted': 'Mensagem na migração de dados',
    'migration.legacy_system.added': 'Sistema legado incluído no catálogo',
    'migration.legacy_system.toggled': 'Sistema legado ativado ou desativado no catálogo',
    'migration.backup.link': 'Link do backup da migração registrado',
    'migration.backup.file': 'Backup da migração recebido por upload',
    'migration.mirror.reviewed': 'Amostra do teste espelho marcada',
    'migration.version.approved': 'Versão de validação aprovada pelo gestor',
    'migration.golive.saved': 'Roteiro de go-live salvo',
    'migration.golive.step': 'Passo do roteiro de go-live marcado',
    'migration.version.loaded': 'Versão de validação carregada na homologação',
    'migration.version.failed': 'Carga da versão de validação falhou',
    'migration.version.expired': 'Versão de validação expirada: dados de homologação apagados',
  },
  details: {
    step: 'Ação',
    fromState: 'Etapa anterior',
    toState: 'Nova etapa',
    round: 'Versão de validação',
    dueAt: 'Prazo',
    passwordSet: 'Senha do backup informada',
    passwordErased: 'Senha do backup apagada',
    system: 'Sistema legado',
    active: 'Ativo',
    file: 'Arquivo',
    size: 'Tamanho (bytes)',
    sha256: 'SHA-256',
    tables: 'Tabelas no dump',
    steps: 'Passos',
    entity: 'Entidade',
    line: 'Linha da origem',
    verdict: 'Marcação',
    samples: 'Amostras do teste espelho',
    continuity: 'Durante a migração',
    stepNumber: 'Passo',
    what: 'O quê',
    done: 'Feito',
    complete: 'Roteiro concluído',
    version: 'Versão de validação',
    stagedRows: 'Linhas na homologação',
    rejectedRows: 'Linhas recusadas na carga',
    droppedRows: 'Linhas de homologação apagadas',
    error: 'Erro',
  },
  values: {
    step: actionLabels,
    fromState: STATES,
    toState: STATES,
    continuity: CONTINUITY,
    verdict: { confere: 'Confere', diverge: 'Diverge' },
  },
});
