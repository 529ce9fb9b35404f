/**
 * The app's one CSV writer, in two profiles, both built on csv-stringify (quoting rules, escaping):
 * - for spreadsheets used in Brazil (the default): `;` separator (the decimal comma is taken), CRLF line
 *   ends, UTF-8 with a BOM (so Excel reads accents), every text cell passed through the formula-injection
 *   guard, dates as dd/mm/aaaa HH:mm;
 * - the machine format (`machineCsvLines`, `toMachineCsv`), for files other programs import: RFC 4180
 *   exactly (`,` separator, CRLF, fields with `,` `"` CR or LF quoted, quotes doubled), UTF-8 without a
 *   BOM, values written as they are (no formula guard: it would change the data), dates in ISO 8601 UTC,
 *   booleans true/false.
 */
import { type Options, stringify } from 'csv-stringify/sync';
import { formatDateTime } from '../ui/format.ts';
import { neutraliseFormula } from './formula-guard.ts';

/** A cell: numbers as they are, text guarded, dates as dd/mm/aaaa HH:mm (Brasília), null/undefined empty. */
export type CsvValue = string | number | bigint | boolean | Date | null | undefined;
export type CsvRow = readonly CsvValue[];

export const utf8Bom = '\uFEFF';

const options: Options = {
  delimiter: ';',
  record_delimiter: 'windows',
  // A lone \n or \r inside a cell is quoted too (csv-stringify skips it once record_delimiter is set).
  quote_record_delimiter: true,
  cast: {
    string: (value) => neutraliseFormula(value),
    boolean: (value) => (value ? 'sim' : 'não'),
    date: (value) => formatDateTime(value),
  },
};

/** Rows as CSV lines (each ending in CRLF), without a BOM: for the pages of a stream. */
export function csvLines(rows: readonly CsvRow[]): string {
  return rows.length === 0 ? '' : stringify(rows as CsvValue[][], options);
}

/** One row as a CSV line ending in CRLF. */
export function csvLine(cells: CsvRow): string {
  return csvLines([cells]);
}

/** A whole CSV file: BOM, header line, one line per row. */
export function toCsv(header: readonly string[], rows: readonly CsvRow[]): string {
  return utf8Bom + csvLines([header, ...rows]);
}

const machineOptions: Options = {
  delimiter: ',',
  record_delimiter: 'windows',
  quote_record_delimiter: true,
  cast: {
    boolean: (value) => (value ? 'true' : 'false'),
    date: (value) => value.toISOString(),
  },
};

/** Rows in the machine format (RFC 4180, `,`, CRLF, no BOM, no formula guard). */
export function machineCsvLines(rows: readonly CsvRow[]): string {
  return rows.length === 0 ? '' : stringify(rows as CsvValue[][], machineOptions);
}

/** A whole file in the machine format: header line, one line per row, no BOM. */
export function toMachineCsv(header: readonly string[], rows: readonly CsvRow[]): string {
  return machineCsvLines([header, ...rows]);
}
