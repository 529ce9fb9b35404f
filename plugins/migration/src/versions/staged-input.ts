/** What the loader of a validation version takes: per entity, the valid rows of its confirmed file. */
import type { EntityKey } from '../domain/vocabulary.ts';

/** One valid row: its line in the legacy file, the row as the file had it, its normalised values. */
export interface StagedInput {
  line: number;
  /** Column (header as in the file) → raw text. */
  source: Record<string, string>;
  /** Field of the entity → normalised value (ISO dates, CPF digits, …). */
  values: Record<string, unknown>;
}

export type StagedRows = AsyncIterable<StagedInput> | Iterable<StagedInput>;

/** The rows of one version, per entity, with how many each should give (for the progress bar) when known. */
export interface VersionRows {
  entities: Partial<Record<EntityKey, StagedRows>>;
  expected?: Partial<Record<EntityKey, number>>;
  /** Rows in the source files per entity (valid or not), for the test report's "Linhas na origem". */
  sourceRows?: Partial<Record<EntityKey, number>>;
  /** Input rows per transaction, when the source knows better than the default (large EHR rows). */
  chunkRows?: number;
}

/** Which version of which base and request the rows belong to. */
export interface VersionKey {
  resellerId: number;
  clinicId: number;
  requestId: number;
  versionId: number;
}
