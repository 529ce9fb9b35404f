/**
 * Reads a bulk clinic-creation CSV upload into per-row results. The whole
 * file is refused (fileErrors) only when it cannot be read as a clinic list;
 * otherwise every row comes back with its own pt-BR errors.
 */

import { type ClinicField, type Column, mapClinicColumns } from './clinic-csv-columns.ts';
import { type ClinicValue, checkClinic } from './clinic-row.ts';
import { formatCnpj } from './cnpj.ts';
import { type CsvRecord, readCsvRecords } from './csv-records.ts';
import { type CsvDelimiter, detectDelimiter } from './delimiter.ts';
import { duplicateLines, joinLines } from './duplicates.ts';
import { decodeText, type TextEncoding } from './encoding.ts';
import { formatInteger } from './text.ts';

export const CLINIC_CSV_MAX_BYTES = 5 * 1024 * 1024;
export const CLINIC_CSV_MAX_ROWS = 20_000;

export interface ClinicCsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  /** The row as written, by header (untitled columns left out). */
  input: Record<string, string>;
  /** Present only when the row has no errors. */
  value?: ClinicValue;
  errors: string[];
}

export type ClinicCsvResult =
  | { ok: false; fileErrors: string[] }
  | {
      ok: true;
      encoding: TextEncoding;
      delimiter: CsvDelimiter;
      rows: ClinicCsvRow[];
      /** Headers that are not clinic fields (or lost to a preferred alias). */
      ignoredColumns: string[];
    };

const EMPTY_FILE = 'O arquivo está vazio.';

function refuse(...fileErrors: string[]): ClinicCsvResult {
  return { ok: false, fileErrors };
}

/** Rounded up to 0,1 MB, so a file just over the limit never shows as equal to it. */
function megabytes(bytes: number): string {
  const value = Math.ceil((bytes / 1024 / 1024) * 10) / 10;
  return `${Number.isInteger(value) ? value : value.toFixed(1).replace('.', ',')} MB`;
}

interface PendingRow {
  row: ClinicCsvRow;
  value: ClinicValue;
}

function readRow(
  record: CsvRecord,
  columns: Column[],
  fieldIndex: Partial<Record<ClinicField, number>>,
  width: number,
  delimiter: CsvDelimiter,
): PendingRow {
  const input: Record<string, string> = {};
  for (const column of columns) input[column.header] = record.fields[column.index] ?? '';
  const field = (name: ClinicField) => {
    const index = fieldIndex[name];
    return index === undefined ? undefined : record.fields[index];
  };
  const { value, errors } = checkClinic({
    name: field('name'),
    baseId: field('baseId'),
    cnpj: field('cnpj'),
    city: field('city'),
    uf: field('uf'),
  });
  const used = record.fields.findLastIndex((text) => text.trim() !== '') + 1;
  if (used > width) {
    errors.unshift(
      `A linha tem ${used} colunas preenchidas, mas o cabeçalho tem ${width}. Se algum texto contém “${delimiter}”, coloque-o entre aspas.`,
    );
  }
  return { row: { line: record.line, input, errors }, value };
}

function flagDuplicates(pending: PendingRow[]): void {
  const byBaseId = duplicateLines(pending.map(({ row, value }) => ({ line: row.line, key: value.baseId })));
  const byCnpj = duplicateLines(pending.map(({ row, value }) => ({ line: row.line, key: value.cnpj })));
  pending.forEach(({ row, value }, index) => {
    const baseLines = byBaseId.get(index);
    if (baseLines) {
      row.errors.push(`O id da base ${value.baseId} aparece mais de uma vez no arquivo (linhas ${joinLines(baseLines)}).`);
    }
    const cnpjLines = byCnpj.get(index);
    if (cnpjLines && value.cnpj !== null) {
      row.errors.push(`O CNPJ ${formatCnpj(value.cnpj)} aparece mais de uma vez no arquivo (linhas ${joinLines(cnpjLines)}).`);
    }
  });
}

export function parseClinicCsv(bytes: Uint8Array): ClinicCsvResult {
  if (bytes.length > CLINIC_CSV_MAX_BYTES) {
    return refuse(
      `O arquivo tem ${megabytes(bytes.length)}; o limite é ${megabytes(CLINIC_CSV_MAX_BYTES)}. Divida-o em arquivos menores.`,
    );
  }
  if (bytes.length === 0) return refuse(EMPTY_FILE);
  const decoded = decodeText(bytes);
  if (!decoded.ok) return refuse(decoded.error);
  const { delimiter, skipLines } = detectDelimiter(decoded.text);
  const read = readCsvRecords(decoded.text, { delimiter, skipLines, maxRecords: CLINIC_CSV_MAX_ROWS + 1 });
  if (!read.ok) {
    return read.tooMany
      ? refuse(
          `O arquivo tem mais de ${formatInteger(CLINIC_CSV_MAX_ROWS)} clínicas; o limite é ${formatInteger(CLINIC_CSV_MAX_ROWS)} por envio. Divida-o em arquivos menores.`,
        )
      : refuse(read.error);
  }
  const [header, ...data] = read.records;
  if (header === undefined) return refuse(EMPTY_FILE);
  const mapping = mapClinicColumns(header.fields);
  if (!mapping.ok) {
    const tabs = header.fields.length === 1 && header.fields[0]?.includes('\t');
    return refuse(...mapping.errors, ...(tabs ? ['O arquivo parece separado por tabulações; use “;” ou “,” como separador.'] : []));
  }
  if (data.length === 0) return refuse('O arquivo só tem o cabeçalho; não há nenhuma clínica para cadastrar.');
  const pending = data.map((record) =>
    readRow(record, mapping.columns, mapping.fieldIndex, header.fields.length, delimiter),
  );
  flagDuplicates(pending);
  const rows = pending.map(({ row, value }) => (row.errors.length === 0 ? { ...row, value } : row));
  return { ok: true, encoding: decoded.encoding, delimiter, rows, ignoredColumns: mapping.ignored };
}
