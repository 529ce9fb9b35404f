/**
 * The per-row result of a confirmed import ("linha 3: criada com o id 2003" / "linha 4: ignorada — UF
 * inválida"), kept on the result page and downloadable as CSV with core's CSV writer.
 */
import { toCsv } from '@painel/core/module';
import type { ClinicField } from '../parsing/clinic-csv-columns.ts';
import type { ImportPlan } from './import-plan.ts';
import { shownFields } from './row-fields.ts';

export interface ImportResultRow {
  line: number;
  name: string;
  /** The id the base was created with; null when the row was skipped. */
  baseId: number | null;
  problems: string[];
}

/** Zips the plan's rows with the created bases (in the same order as `basesToCreate` made them). */
export function importResultRows(
  plan: ImportPlan,
  created: ReadonlyArray<{ baseId: number }>,
  headers: Partial<Record<ClinicField, string>>,
): ImportResultRow[] {
  let next = 0;
  return plan.rows.map((row) => {
    const baseId = row.value === null ? null : (created[next++]?.baseId ?? null);
    return { line: row.line, name: shownFields(row, headers).name, baseId, problems: row.value === null ? row.errors : [] };
  });
}

export const resultOutcome = (row: ImportResultRow): string => (row.baseId !== null ? `criada com o id ${row.baseId}` : 'ignorada (linha com erro)');

/** The result as CSV (";", UTF-8 with BOM, CRLF), one line per row of the file. */
export function importResultCsv(rows: readonly ImportResultRow[]): string {
  return toCsv(
    ['Linha', 'Nome', 'Id da base', 'Resultado', 'Erros'],
    rows.map((r) => [r.line, r.name, r.baseId, r.baseId !== null ? 'criada' : 'ignorada', r.problems.join(' | ')]),
  );
}
