/**
 * The error CSV to download: one line per row with an error — its original line number, the row's
 * values as read, and the reasons in pt-BR — through core's CSV writer (`;`, CRLF, UTF-8 BOM, formula guard).
 * `errorCsvFile` writes it while the check streams (the CLI); `errorCsvStream` serves pages of error rows (a route).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { type CsvRow, csvLine, csvStream, utf8Bom } from '@painel/core/plugin';
import type { ErrorRow } from './check-files.ts';

export const errorCsvHeader = (header: readonly string[]): string[] => ['Linha', ...header, 'Motivos'];

export const errorCsvCells = (row: Pick<ErrorRow, 'line' | 'cells' | 'issues' | 'header'>): CsvRow => {
  const cells = row.header.map((_, i) => row.cells[i] ?? null);
  return [row.line, ...cells, row.issues.map((i) => i.reason).join('; ')];
};

/** A CSV download of error rows arriving in pages. */
export function errorCsvStream(header: readonly string[], pages: AsyncIterable<readonly ErrorRow[]>): ReadableStream<Uint8Array> {
  return csvStream(errorCsvHeader(header), pages, errorCsvCells);
}

export interface ErrorCsvFile {
  add(row: ErrorRow): Promise<void>;
  close(): Promise<number>;
}

/** Writes an error CSV to disk as rows arrive; `close` resolves with the number of rows written. */
export function errorCsvFile(path: string, header: readonly string[]): ErrorCsvFile {
  const out = createWriteStream(path);
  out.write(utf8Bom + csvLine(errorCsvHeader(header)));
  let rows = 0;
  return {
    async add(row) {
      rows++;
      if (!out.write(csvLine(errorCsvCells(row)))) await once(out, 'drain');
    },
    async close() {
      out.end();
      await once(out, 'finish');
      return rows;
    },
  };
}
