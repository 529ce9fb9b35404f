/** The states of a validation version, with their pt-BR labels. */
export const VERSION_STATES = {
  carregando: 'Carregando',
  aberta: 'Aberta para validação',
  falhou: 'Carga com falha',
  expirada: 'Expirada',
} as const;
export type VersionState = keyof typeof VERSION_STATES;

/** A version stays available in homologation for 15 calendar days after it is created (seed 000). */
export const VERSION_OPEN_DAYS = 15;

/** Entities whose rows are the electronic health record: their screens and samples are data class `ehr`. */
export const EHR_ENTITIES = ['prontuarios', 'documentos_gerados', 'imagens_documentos'] as const;
