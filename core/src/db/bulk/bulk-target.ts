import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { BulkLoadError } from './bulk-load-error.ts';

/** Where a bulk load goes: a Drizzle table of the plugin's schema, or its name (`table` or `schema.table`). */
export type BulkTarget = string | PgTable;

export interface ResolvedTarget {
  schema: string;
  table: string;
  /** `"schema"."table"`, quoted. */
  sql: string;
  columns: readonly string[];
  /** `"a", "b"`, quoted. */
  columnList: string;
}

const identifier = /^[a-z_][a-z0-9_$]*$/;

export const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Resolves and checks a load's target: the table must be in `ownSchema` (the plugin's schema), and the
 * columns a non-empty list of distinct names. Whether they exist is checked against the catalog later.
 */
export function resolveTarget(ownSchema: string, target: BulkTarget, columns: readonly string[]): ResolvedTarget {
  let schema: string;
  let table: string;
  if (is(target, PgTable)) {
    const config = getTableConfig(target);
    schema = config.schema ?? 'public';
    table = config.name;
  } else if (typeof target === 'string') {
    const parts = target.split('.');
    if (parts.length > 2 || parts.some((p) => !identifier.test(p))) {
      throw new BulkLoadError(`Nome de tabela inválido: "${target}". Use "tabela" ou "schema.tabela", em minúsculas.`);
    }
    [schema, table] = parts.length === 2 ? [parts[0]!, parts[1]!] : [ownSchema, parts[0]!];
  } else {
    throw new BulkLoadError('copyInto espera a tabela (objeto Drizzle ou nome).');
  }
  if (schema !== ownSchema) {
    throw new BulkLoadError(
      `A carga em massa só grava no schema do próprio plugin ("${ownSchema}"): a tabela "${schema}.${table}" está fora dele.`,
    );
  }
  if (!Array.isArray(columns) || columns.length === 0) throw new BulkLoadError('copyInto espera a lista de colunas (ao menos uma).');
  const seen = new Set<string>();
  for (const column of columns) {
    if (typeof column !== 'string' || !identifier.test(column)) throw new BulkLoadError(`Nome de coluna inválido: "${String(column)}".`);
    if (seen.has(column)) throw new BulkLoadError(`A coluna "${column}" aparece duas vezes na lista.`);
    seen.add(column);
  }
  return {
    schema,
    table,
    sql: `${quoteIdent(schema)}.${quoteIdent(table)}`,
    columns: [...columns],
    columnList: columns.map(quoteIdent).join(', '),
  };
}
