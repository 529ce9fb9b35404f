import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/types.ts';
import { pluginSchemaName } from './define-plugin.ts';
import type { AnyPlugin } from './plugin-types.ts';

export class PluginMigrationError extends Error {
  override name = 'PluginMigrationError';
}

/** `drizzle.__migrations_<id>` ('-' → '_'), the same name `Database.migrate` uses for a set. */
export function pluginMigrationsTable(id: string): string {
  return `__migrations_${id.replace(/[^a-z0-9_]/g, '_')}`;
}

async function tableRows(db: Database, table: string): Promise<number | null> {
  const [found] = await db.query<{ t: string | null }>(db.owner, sql`select to_regclass(${`drizzle."${table}"`})::text as t`);
  if (!found?.t) return null;
  const [row] = await db.query<{ n: number }>(db.owner, sql`select count(*)::int as n from ${sql.identifier('drizzle')}.${sql.identifier(table)}`);
  return row?.n ?? 0;
}

async function schemaExists(db: Database, schema: string): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(db.owner, sql`select count(*)::int as n from pg_namespace where nspname = ${schema}`);
  return (row?.n ?? 0) > 0;
}

function cause(error: unknown): string {
  const e = error as { cause?: { message?: string }; message?: string };
  return (e?.cause?.message ?? e?.message ?? String(error)).split('\n')[0]!.slice(0, 300);
}

/**
 * Applies each plugin's migration set, in configuration order, after core and the built-in modules.
 * Drizzle runs a set's pending migrations in one transaction, so a failure leaves the plugin's schema
 * as it was; if this run had created the (empty) migrations table, it is dropped too. Returns the
 * schemas to grant to the app role.
 */
export async function migratePlugins(db: Database, plugins: AnyPlugin[]): Promise<string[]> {
  const schemas: string[] = [];
  for (const plugin of plugins) {
    if (!plugin.migrations) continue;
    const table = pluginMigrationsTable(plugin.id);
    const before = await tableRows(db, table);
    try {
      await db.migrate({ id: plugin.id, folder: plugin.migrations.folder });
    } catch (error) {
      if (before === null && (await tableRows(db, table)) === 0) {
        await db.owner.execute(sql`drop table if exists ${sql.identifier('drizzle')}.${sql.identifier(table)}`);
      }
      throw new PluginMigrationError(
        `As migrações do plugin "${plugin.id}" falharam (nada desse plugin foi alterado no banco): ${cause(error)}`,
      );
    }
    const schema = pluginSchemaName(plugin.id);
    if (!(await schemaExists(db, schema))) {
      throw new PluginMigrationError(
        `O plugin "${plugin.id}" deve criar suas tabelas no esquema "${schema}" (pgSchema('${schema}')), que não existe.`,
      );
    }
    schemas.push(schema);
  }
  return schemas;
}

export interface MigrationStatus {
  /** Migrations in the plugin's folder (its drizzle journal). */
  expected: number;
  /** Rows in its migrations table. */
  applied: number;
}

/** How many of a plugin's migrations this database has applied (for the plugins page). */
export async function pluginMigrationStatus(db: Database, plugin: AnyPlugin): Promise<MigrationStatus | null> {
  if (!plugin.migrations) return null;
  const journal = join(plugin.migrations.folder, 'meta', '_journal.json');
  const expected = existsSync(journal) ? ((JSON.parse(readFileSync(journal, 'utf8')) as { entries?: unknown[] }).entries?.length ?? 0) : 0;
  const applied = (await tableRows(db, pluginMigrationsTable(plugin.id))) ?? 0;
  return { expected, applied };
}

/** A plugin may not take core's or a built-in module's id (their migrations tables would collide). */
export function assertPluginIdsFree(plugins: readonly AnyPlugin[], reserved: readonly string[]): void {
  for (const plugin of plugins) {
    if (reserved.includes(plugin.id)) {
      throw new PluginMigrationError(`O plugin "${plugin.id}" usa o id de um módulo interno ("${plugin.id}"): escolha outro id.`);
    }
  }
}
