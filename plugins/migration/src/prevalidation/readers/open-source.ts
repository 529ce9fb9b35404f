/** Opens a file by its extension: CSV/TXT/TSV, XLSX, MDB/ACCDB. */
import { extname } from 'node:path';
import { openCsv } from './csv-reader.ts';
import { type TableSource, UnusableInput } from './source.ts';

export interface OpenOptions {
  sheet?: string;
  table?: string;
  entityWords?: readonly string[];
}

export type FileFormat = 'csv' | 'xlsx' | 'mdb';

export function formatOf(file: string): FileFormat | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.mdb' || ext === '.accdb') return 'mdb';
  if (ext === '.xls') return null;
  return 'csv';
}

export async function openSource(file: string, options: OpenOptions = {}): Promise<TableSource> {
  const format = formatOf(file);
  // exceljs and mdb-reader are loaded only for their formats (exceljs alone weighs ~40 MB of memory).
  if (format === 'xlsx') return (await import('./xlsx-reader.ts')).openXlsx(file, { sheet: options.sheet });
  if (format === 'mdb') return (await import('./mdb-reader.ts')).openMdb(file, { table: options.table, entityWords: options.entityWords });
  if (format === null) throw new UnusableInput('Planilhas .xls (Excel 97-2003) não são lidas; salve como .xlsx ou .csv.');
  return openCsv(file);
}
