/** Opens a file by its extension: CSV/TXT/TSV, XLSX, MDB/ACCDB. */
import { extname } from 'node:path';
import { openCsv } from './csv-reader.ts';
import { openMdb } from './mdb-reader.ts';
import { type TableSource, UnusableInput } from './source.ts';
import { openXlsx } from './xlsx-reader.ts';

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
  if (format === 'xlsx') return openXlsx(file, { sheet: options.sheet });
  if (format === 'mdb') return openMdb(file, { table: options.table, entityWords: options.entityWords });
  if (format === null) throw new UnusableInput('Planilhas .xls (Excel 97-2003) não são lidas; salve como .xlsx ou .csv.');
  return openCsv(file);
}
