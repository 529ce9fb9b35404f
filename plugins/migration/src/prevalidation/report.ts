/**
 * The viability report of one file, accumulated row by row: rows, valid rows (no error), per error kind
 * the rows having it (a row with two kinds counts in both) and up to five sample rows, per warning kind
 * the rows having it, the practitioners named (for mapping to the base's users). `total()` sums files.
 */
import type { EntityKey } from './entities.ts';
import { ERROR_KINDS, type ErrorKind, WARNING_KINDS, type WarningKind } from './kinds.ts';
import type { Mapping } from './mapping.ts';
import type { Encoding } from './readers/source.ts';
import type { RowResult } from './row-checker.ts';

export const SAMPLES_PER_KIND = 5;

export interface Sample {
  line: number;
  field: string;
  /** The offending value as shown (CPF masked, e.g. `***.456.789-**`). */
  value: string;
  reason: string;
}

export interface FileReport {
  file: string;
  entity: EntityKey;
  format: 'csv' | 'xlsx' | 'mdb';
  encoding: Encoding;
  delimiter: string | null;
  rows: number;
  valid: number;
  validPercent: number;
  errors: Partial<Record<ErrorKind, number>>;
  warnings: Partial<Record<WarningKind, number>>;
  samples: Partial<Record<ErrorKind, Sample[]>>;
  mapping: Mapping;
  /** Entities referred to whose files were not part of the check (their references were not checked). */
  unchecked: EntityKey[];
  /** Practitioners named in the file, with how many rows name each: to map to the base's users. */
  practitioners: Array<{ name: string; rows: number }>;
}

export interface Totals {
  rows: number;
  valid: number;
  validPercent: number;
  errors: Partial<Record<ErrorKind, number>>;
  warnings: Partial<Record<WarningKind, number>>;
}

export const percent = (valid: number, rows: number) => (rows === 0 ? 100 : Math.round((valid / rows) * 1000) / 10);

export class ReportAccumulator {
  rows = 0;
  valid = 0;
  private readonly errorRows = new Array<number>(ERROR_KINDS.length).fill(0);
  private readonly warningRows = new Array<number>(WARNING_KINDS.length).fill(0);
  private readonly samples: Partial<Record<ErrorKind, Sample[]>> = {};

  add(line: number, result: RowResult): void {
    this.rows++;
    if (result.errors === 0) this.valid++;
    else {
      for (let k = 0; k < ERROR_KINDS.length; k++) if (result.errors & (1 << k)) this.errorRows[k]!++;
      for (const issue of result.issues) {
        const list = (this.samples[issue.kind] ??= []);
        if (list.length < SAMPLES_PER_KIND && !list.some((s) => s.line === line)) list.push({ line, field: issue.field, value: issue.shown, reason: issue.reason });
      }
    }
    if (result.warnings !== 0) for (let k = 0; k < WARNING_KINDS.length; k++) if (result.warnings & (1 << k)) this.warningRows[k]!++;
  }

  errors(): Partial<Record<ErrorKind, number>> {
    return Object.fromEntries(ERROR_KINDS.map((k, i) => [k, this.errorRows[i]!]).filter(([, n]) => n !== 0));
  }

  warnings(): Partial<Record<WarningKind, number>> {
    return Object.fromEntries(WARNING_KINDS.map((k, i) => [k, this.warningRows[i]!]).filter(([, n]) => n !== 0));
  }

  sampleRows(): Partial<Record<ErrorKind, Sample[]>> {
    return this.samples;
  }
}

/** The whole request: every file's rows, valid rows and kinds summed. */
export function total(files: ReadonlyArray<Pick<FileReport, 'rows' | 'valid' | 'errors' | 'warnings'>>): Totals {
  const errors: Partial<Record<ErrorKind, number>> = {};
  const warnings: Partial<Record<WarningKind, number>> = {};
  let rows = 0;
  let valid = 0;
  for (const f of files) {
    rows += f.rows;
    valid += f.valid;
    for (const [k, n] of Object.entries(f.errors) as Array<[ErrorKind, number]>) errors[k] = (errors[k] ?? 0) + n;
    for (const [k, n] of Object.entries(f.warnings) as Array<[WarningKind, number]>) warnings[k] = (warnings[k] ?? 0) + n;
  }
  return { rows, valid, validPercent: percent(valid, rows), errors, warnings };
}
