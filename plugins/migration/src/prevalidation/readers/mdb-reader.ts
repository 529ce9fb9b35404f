/**
 * A table of an Access database (MDB/ACCDB) through mdb-reader: the table named in `table`, or else the
 * one whose name names the entity, or the only one. Access files are read whole (mdb-reader needs the
 * buffer); rows are yielded one at a time, numbered as if the header were line 1.
 */
import { readFile } from 'node:fs/promises';
import type MDBReader from 'mdb-reader';
import { fold } from '../fold.ts';
import { type Cell, type SourceRow, type TableSource, UnusableInput } from './source.ts';

export interface MdbOptions {
  table?: string;
  /** Folded words naming the entity, to pick its table when `table` is not given. */
  entityWords?: readonly string[];
}

function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

export async function openMdb(input: string | Buffer, options: MdbOptions = {}): Promise<TableSource> {
  // Loaded on first use, like exceljs: most starts of the app never read an Access file.
  const { default: Reader } = await import('mdb-reader');
  let reader: MDBReader;
  try {
    reader = new Reader(typeof input === 'string' ? await readFile(input) : input);
  } catch {
    throw new UnusableInput('Não foi possível ler o banco Access (MDB/ACCDB).');
  }
  const names = reader.getTableNames();
  let name: string | undefined;
  if (options.table) name = names.find((n) => fold(n) === fold(options.table!));
  else if (names.length === 1) name = names[0];
  else name = names.find((n) => (options.entityWords ?? []).some((w) => fold(n).includes(w)));
  if (!name) throw new UnusableInput(`Não encontrei a tabela no banco Access; tabelas: ${names.join(', ')}.`);
  const table = reader.getTable(name);
  const header = table.getColumnNames();
  async function* rows(): AsyncGenerator<SourceRow[]> {
    const data = table.getData();
    for (let from = 0; from < data.length; from += 500)
      yield data.slice(from, from + 500).map((record, i) => ({ line: from + i + 2, cells: header.map((h) => cellOf(record[h])) }));
  }
  return { format: 'mdb', header, batches: rows(), encoding: () => 'utf-8', delimiter: null };
}
