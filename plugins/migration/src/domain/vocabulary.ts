/**
 * The words of seed 000 ("Requisitos para Viabilidade de Migração de Dados"): extraction modes, the
 * formats the team reads, and the entities that can be migrated with their minimum fields.
 */

export const EXTRACTION_MODES = {
  clinica: 'A própria clínica extrai e envia os dados',
  suporte_legado: 'O suporte do sistema legado gera o backup',
  tecnico_singular: 'Um técnico da equipe de migração, por intermédio da singular',
} as const;
export type ExtractionMode = keyof typeof EXTRACTION_MODES;

export const FORMAT_GROUPS = [
  { label: 'Planilhas', formats: { xlsx: 'Excel (XLSX)', csv: 'Arquivo delimitado (CSV)', mdb: 'Microsoft Access (MDB/ACCDB)' } },
  { label: 'Backups', formats: { postgresql: 'PostgreSQL', sqlserver: 'SQL Server', mariadb: 'MariaDB', firebird: 'Firebird' } },
  { label: 'Imagens e documentos', formats: { pdf: 'Arquivos PDF', imagem: 'Imagens PNG, JPG, BMP', blob: 'BLOB (direto do banco)', bytea: 'BYTEA (direto do banco)' } },
] as const;

export const FORMATS: Record<string, string> = Object.assign({}, ...FORMAT_GROUPS.map((g) => g.formats), { outro: 'Outro formato' });
export type FormatKey = 'xlsx' | 'csv' | 'mdb' | 'postgresql' | 'sqlserver' | 'mariadb' | 'firebird' | 'pdf' | 'imagem' | 'blob' | 'bytea' | 'outro';
export const FORMAT_KEYS = Object.keys(FORMATS) as FormatKey[];

export const ENTITIES = {
  convenios: { label: 'Convênios', fields: ['Código do convênio no sistema legado', 'Nome do convênio'] },
  procedimentos: { label: 'Procedimentos', fields: ['Código do procedimento no sistema legado', 'Nome do procedimento'] },
  pacientes: {
    label: 'Pacientes',
    fields: ['Nome', 'Data de nascimento', 'Sexo', 'RG', 'CPF', 'Dados de endereço', 'Telefone / Celular', 'E-mail', 'Convênio do paciente'],
  },
  agendamentos: {
    label: 'Agendamentos',
    fields: ['Data e hora', 'Identificação do paciente', 'Identificação do médico', 'Identificação do convênio', 'Identificação do procedimento', 'Status do agendamento'],
  },
  prontuarios: { label: 'Prontuários', fields: ['Data', 'Identificação do paciente', 'Identificação do médico', 'Dados do prontuário'] },
  documentos_gerados: {
    label: 'Documentos gerados',
    fields: ['Data', 'Tipo do documento', 'Identificação do paciente', 'Identificação do médico', 'Texto do documento'],
  },
  modelos_documentos: { label: 'Modelos de documentos', fields: ['Nome do modelo', 'Texto do modelo'] },
  modelos_prescricao: { label: 'Modelos de prescrição', fields: ['Nome da medicação', 'Prescrição em texto formatado'] },
  imagens_documentos: { label: 'Imagens e documentos', fields: ['Data', 'Identificação do paciente'] },
} as const;
export type EntityKey = keyof typeof ENTITIES;
export const ENTITY_KEYS = Object.keys(ENTITIES) as EntityKey[];

/** A person to talk to: the clinic's contact or the singular's analyst. */
export interface ContactValue {
  name: string;
  phone: string;
  email: string;
}

export const STRATEGIES = { base_inteira: 'A base inteira de uma vez', por_paciente: 'Por paciente' } as const;
export type Strategy = keyof typeof STRATEGIES;

export const TEST_KINDS = { contagens: 'Contagens', espelho: 'Testes espelho', funcionais: 'Testes funcionais' } as const;
export type TestKind = keyof typeof TEST_KINDS;

/** A manual action after the migration: what, who, when. */
export interface ManualAction {
  what: string;
  who: string;
  when: string;
}

/** The migration plan (seed 004, "Migratieplan"). */
export interface PlanValue {
  strategy: Strategy;
  cleanup: string;
  manualActions: ManualAction[];
  wholeHistory: boolean;
  historyNote: string;
}

/** The test plan (seed 004, "Testplan"). */
export interface TestPlanValue {
  validationVersions: number;
  kinds: TestKind[];
  mirrorRecords: string;
}

export const isOneOf = <T extends string>(keys: readonly T[] | Record<T, unknown>, v: string): v is T =>
  Array.isArray(keys) ? (keys as readonly string[]).includes(v) : Object.hasOwn(keys, v);
