import type { Db, DriverName } from '../types.ts';
import { BulkLoadError } from './bulk-load-error.ts';
import { type BulkTarget, resolveTarget, type ResolvedTarget } from './bulk-target.ts';
import { copyIntoPostgres } from './copy-postgres.ts';
import { insertIntoPglite } from './insert-pglite.ts';
import { rawClient } from './raw-client.ts';

/** Rows a bulk load takes: arrays of values in the order of `columns`, as an async (or plain) iterable. */
export type BulkRows = AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;

export interface CopyIntoOptions {
  /**
   * Rows per batch (default: 50,000 on PostgreSQL, 10,000 on PGlite). Each batch is staged and
   * inserted on its own; memory holds at most one batch on PGlite and one 64 KiB chunk on PostgreSQL.
   */
  batchRows?: number;
}

const defaultBatch: Record<DriverName, number> = { postgres: 50_000, pglite: 10_000 };

/**
 * Loads `rows` into `table` (of `ownSchema`) inside the caller's transaction `tx`, as the request role
 * and under its row-level-security scope; returns the number of rows loaded. A refused value (NUL in a
 * text, a wrong row length) or a row the policies refuse throws a BulkLoadError, and the caller's
 * transaction (or savepoint) undoes the whole load.
 */
export async function copyInto(
  driver: DriverName,
  ownSchema: string,
  tx: Db,
  table: BulkTarget,
  columns: readonly string[],
  rows: BulkRows,
  options: CopyIntoOptions = {},
): Promise<number> {
  const target = resolveTarget(ownSchema, table, columns);
  const batchRows = options.batchRows ?? defaultBatch[driver];
  if (!Number.isInteger(batchRows) || batchRows < 1) throw new BulkLoadError('batchRows deve ser um inteiro positivo.');
  if (rows === null || typeof rows !== 'object' || !(Symbol.asyncIterator in rows || Symbol.iterator in rows)) {
    throw new BulkLoadError('copyInto espera as linhas como um iterável (async ou não) de listas de valores.');
  }
  const types = await columnTypes(driver, tx, target);
  try {
    return driver === 'postgres'
      ? await copyIntoPostgres(tx, target, rows, batchRows)
      : await insertIntoPglite(tx, target, types, rows, batchRows);
  } catch (error) {
    throw explain(error, target);
  }
}

/** The columns' SQL types, in order; a clear error for a missing table or column. */
async function columnTypes(driver: DriverName, tx: Db, target: ResolvedTarget): Promise<string[]> {
  const { rows } = await rawClient(driver, tx).query(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type
       from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = $1 and c.relname = $2 and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped`,
    [target.schema, target.table],
  );
  if (rows.length === 0) throw new BulkLoadError(`A tabela "${target.schema}.${target.table}" não existe.`);
  const byName = new Map(rows.map((r) => [String(r.name), String(r.type)]));
  return target.columns.map((column) => {
    const type = byName.get(column);
    if (!type) throw new BulkLoadError(`A tabela "${target.schema}.${target.table}" não tem a coluna "${column}".`);
    return type;
  });
}

/** PostgreSQL's refusals as pt-BR messages (the original stays as `cause`). */
function explain(error: unknown, target: ResolvedTarget): unknown {
  if (error instanceof BulkLoadError) return error;
  const e = error as { code?: string; message?: string };
  const where = `"${target.schema}.${target.table}"`;
  const nothing = 'Nada foi carregado.';
  if (e?.code === '42501' && /row-level security/i.test(e.message ?? '')) {
    return new BulkLoadError(`Alguma linha não pertence ao escopo desta transação (segurança por linha de ${where}). ${nothing}`, { cause: error });
  }
  if (e?.code === '42501') return new BulkLoadError(`Sem permissão para gravar em ${where}. ${nothing}`, { cause: error });
  if (e?.code?.startsWith('22')) return new BulkLoadError(`Valor inválido para ${where}: ${e.message}. ${nothing}`, { cause: error });
  if (e?.code?.startsWith('23')) return new BulkLoadError(`Linha recusada por uma restrição de ${where}: ${e.message}. ${nothing}`, { cause: error });
  return error;
}
