/**
 * An XLSX workbook's sheet as a header and a stream of rows, through exceljs's streaming reader (the
 * sheet is never held whole in memory). The first sheet by default, or the one named in `sheet`.
 * Cells keep their type: numbers, dates (by the cell's format), booleans; rich text and formulas as their text/result.
 */
import type { Row } from 'exceljs';
import { fold } from '../fold.ts';
import { type Cell, type SourceRow, type TableSource, UnusableInput } from './source.ts';

export interface XlsxOptions {
  sheet?: string;
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellOf(v.result);
    if (v.text !== undefined) return cellOf(v.text);
    if (v.error) return v.error;
  }
  return String(value);
}

const cellsOf = (row: Row): Cell[] => {
  const values = row.values as unknown[];
  const out: Cell[] = [];
  for (let i = 1; i < values.length; i++) out.push(cellOf(values[i]));
  return out;
};

export async function openXlsx(input: string | NodeJS.ReadableStream, options: XlsxOptions = {}): Promise<TableSource> {
  // Loaded on first use: exceljs takes ~0.3–0.5 s to load, which every start of the app would pay.
  const { default: ExcelJS } = await import('exceljs');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as string, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'emit',
  });
  const sheets = reader[Symbol.asyncIterator]();
  let sheet: AsyncIterator<Row> | null = null;
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      const ws = next.value as unknown as AsyncIterable<Row> & { name?: string };
      if (!options.sheet || fold(ws.name ?? '') === fold(options.sheet)) {
        sheet = ws[Symbol.asyncIterator]();
        break;
      }
      for await (const _ of ws) void _; // skip the sheet's rows
    }
  } catch {
    throw new UnusableInput('Não foi possível ler a planilha (o arquivo não é um XLSX válido).');
  }
  if (!sheet) throw new UnusableInput(options.sheet ? `A planilha não tem a aba "${options.sheet}".` : 'A planilha não tem abas.');

  let header: string[] | null = null;
  for (;;) {
    const next = await sheet.next();
    if (next.done) break;
    const cells = cellsOf(next.value);
    if (cells.some((c) => c !== null && String(c).trim() !== '')) {
      header = cells.map((c) => (c === null ? '' : String(c).trim()));
      break;
    }
  }
  if (!header) throw new UnusableInput('A planilha está vazia (sem cabeçalho).');
  const it = sheet;
  async function* rows(): AsyncGenerator<SourceRow[]> {
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield [{ line: next.value.number, cells: cellsOf(next.value) }];
    }
  }
  return { format: 'xlsx', header, batches: rows(), encoding: () => 'utf-8', delimiter: null };
}
