/**
 * Reads CSV text into records that know the file line they start on, using
 * csv-parse's sync API. Blank lines are skipped; a record may have more or
 * fewer fields than the header (the caller decides what that means). Stops
 * early once there are more than `maxRecords` records.
 */

import { CsvError, parse } from 'csv-parse/sync';
import type { CsvDelimiter } from './delimiter.ts';
import { formatInteger } from './text.ts';

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export interface ReadCsvOptions {
  delimiter: CsvDelimiter;
  /** Lines to skip at the start (an Excel "sep=;" line). */
  skipLines?: number;
  /** Records allowed, header included; one more stops with `tooMany`. */
  maxRecords: number;
}

export type CsvRecords =
  | { ok: true; records: CsvRecord[] }
  | { ok: false; tooMany: true }
  | { ok: false; tooMany: false; error: string };

const MAX_RECORD_CHARS = 64 * 1024;

class TooManyRecords extends Error {}

function describeError(error: CsvError, startLine: number): string {
  const line = typeof error.lines === 'number' ? error.lines : startLine;
  const prefix = 'Não foi possível ler o arquivo:';
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return `${prefix} há aspas (") abertas e não fechadas a partir da linha ${startLine}.`;
    case 'CSV_MAX_RECORD_SIZE':
      return `${prefix} o registro que começa na linha ${startLine} passa de ${formatInteger(MAX_RECORD_CHARS)} caracteres; verifique se há aspas (") sem fechamento.`;
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return `${prefix} aspas (") mal colocadas na linha ${line}. Um texto entre aspas deve ocupar a célula inteira, e aspas dentro dele são escritas duplicadas ("").`;
    default:
      return `${prefix} erro de formato na linha ${line} (${error.code}).`;
  }
}

export function readCsvRecords(text: string, options: ReadCsvOptions): CsvRecords {
  const skipLines = options.skipLines ?? 0;
  const records: CsvRecord[] = [];
  let lastLine = skipLines;
  try {
    parse(text.replace(/\r\n?/g, '\n'), {
      delimiter: options.delimiter,
      from_line: skipLines + 1,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
      max_record_size: MAX_RECORD_CHARS,
      on_record: (fields: string[], context) => {
        const line = lastLine + 1;
        lastLine = context.lines;
        if (fields.every((field) => field.trim() === '')) return null;
        records.push({ line, fields });
        if (records.length > options.maxRecords) throw new TooManyRecords();
        return null;
      },
    });
  } catch (error) {
    if (error instanceof TooManyRecords) return { ok: false, tooMany: true };
    if (error instanceof CsvError) {
      return { ok: false, tooMany: false, error: describeError(error, lastLine + 1) };
    }
    throw error;
  }
  return { ok: true, records };
}
