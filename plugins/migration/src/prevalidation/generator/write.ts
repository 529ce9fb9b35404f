/**
 * Generated tables written as legacy exports: CSV in Windows-1252 or UTF-8 (with or without BOM), any of
 * the four delimiters, CRLF or LF, quoting only where needed (delimiter, quote, line break) — the way
 * Excel and Access write them; or XLSX through exceljs's streaming writer.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import type { GeneratedTable } from './tables.ts';

export interface CsvFormat {
  encoding: 'windows-1252' | 'utf-8' | 'utf-8-bom';
  delimiter: ';' | ',' | '\t' | '|';
  eol?: '\r\n' | '\n';
}

export function csvText(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => (c.includes(delimiter) || c.includes('"') || c.includes('\n') || c.includes('\r') ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

export async function writeCsv(path: string, table: GeneratedTable, format: CsvFormat): Promise<void> {
  const eol = format.eol ?? '\r\n';
  const out = createWriteStream(path);
  const encode = (text: string) => (format.encoding === 'windows-1252' ? iconv.encode(text, 'windows-1252') : Buffer.from(text, 'utf8'));
  if (format.encoding === 'utf-8-bom') out.write(Buffer.from([0xef, 0xbb, 0xbf]));
  let batch = csvText(table.header, format.delimiter) + eol;
  for (const row of table.rows()) {
    batch += csvText(row, format.delimiter) + eol;
    if (batch.length > 256 * 1024) {
      if (!out.write(encode(batch))) await once(out, 'drain');
      batch = '';
    }
  }
  out.write(encode(batch));
  out.end();
  await once(out, 'finish');
}

export async function writeXlsx(path: string, table: GeneratedTable, sheetName = 'Planilha1'): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(table.header).commit();
  for (const row of table.rows()) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
