/**
 * The CLI's JSON document: `{"files": [{file, entity, encoding, delimiter, rows, valid, errors, warnings,
 * mapping: [{column, field, confidence}]}]}` — every error kind present (0 when none) — plus, for people
 * reading it, each file's valid %, unmapped columns, samples, unchecked references and practitioners,
 * and the request's total.
 */
import { ERROR_KINDS, WARNING_KINDS } from './kinds.ts';
import { type FileReport, total } from './report.ts';

export function jsonReport(files: readonly FileReport[]) {
  return {
    files: files.map((f) => ({
      file: f.file,
      entity: f.entity,
      encoding: f.encoding,
      delimiter: f.delimiter,
      rows: f.rows,
      valid: f.valid,
      errors: Object.fromEntries(ERROR_KINDS.map((k) => [k, f.errors[k] ?? 0])),
      warnings: Object.fromEntries(WARNING_KINDS.map((k) => [k, f.warnings[k] ?? 0])),
      mapping: f.mapping.columns.map((m) => ({ column: m.column, field: m.field, confidence: m.confidence })),
      validPercent: f.validPercent,
      unmapped: f.mapping.unmapped,
      samples: f.samples,
      unchecked: f.unchecked,
      practitioners: f.practitioners,
    })),
    total: total(files),
  };
}
