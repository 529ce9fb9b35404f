/**
 * The homologation screens, one per entity of seed 000, under `/p/migration/homologacao/<slug>`. Patients,
 * appointments, convênios and procedimentos are personal data; prontuários, documentos gerados and
 * imagens e documentos are the electronic health record (`ehr`).
 */
import type { DataClass } from '@painel/core/plugin';
import type { EntityKey } from '../domain/vocabulary.ts';

export interface HomologationScreen {
  slug: string;
  entity: EntityKey;
  title: string;
  dataClass: Extract<DataClass, 'personal' | 'ehr'>;
  /** Search by name or CPF (patients). */
  searchable?: boolean;
}

export const HOMOLOGATION_SCREENS: readonly HomologationScreen[] = [
  { slug: 'pacientes', entity: 'pacientes', title: 'Pacientes', dataClass: 'personal', searchable: true },
  { slug: 'agendamentos', entity: 'agendamentos', title: 'Agendamentos', dataClass: 'personal' },
  { slug: 'convenios', entity: 'convenios', title: 'Convênios', dataClass: 'personal' },
  { slug: 'procedimentos', entity: 'procedimentos', title: 'Procedimentos', dataClass: 'personal' },
  { slug: 'prontuarios', entity: 'prontuarios', title: 'Prontuários', dataClass: 'ehr' },
  { slug: 'documentos-gerados', entity: 'documentos_gerados', title: 'Documentos gerados', dataClass: 'ehr' },
  { slug: 'imagens', entity: 'imagens_documentos', title: 'Imagens e documentos', dataClass: 'ehr' },
];

export const HOMOLOGATION_BANNER = 'Ambiente de homologação — isolado da base em produção; alterações aqui não são mantidas';

export const homologationPath = (slug?: string) => `/p/migration/homologacao${slug ? `/${slug}` : ''}`;
