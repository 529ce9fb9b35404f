import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { postgresClientOptions } from './postgres-options.ts';
import { scopeSettingsSql } from './scope-settings.ts';
import type { Database, Db, MigrationSet, TenantScope } from './types.ts';

export interface OpenDatabaseOptions {
  /** postgres:// URL of a real server; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory (ignored with `url`); `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** Load PGlite from a dump made by `dumpDataDir()` (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
  appRole: string;
  /** Maximum postgres.js pool size. */
  poolSize?: number;
}

export const pgliteExtensions = { citext, pg_trgm };

function rowsOf<R>(result: unknown): R[] {
  if (Array.isArray(result)) return result as R[];
  return ((result as { rows?: R[] }).rows ?? []) as R[];
}

/** Opens PGlite (embedded, default) or postgres.js (`url`) behind one `Database` interface. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const appRole = options.appRole;
  const setRole = sql`set local role ${sql.identifier(appRole)}`;

  const scopedWith =
    (owner: Db) =>
    <T>(scope: TenantScope, fn: (tx: Db) => Promise<T>): Promise<T> =>
      owner.transaction(async (tx) => {
        await tx.execute(setRole);
        await tx.execute(scopeSettingsSql(scope));
        return fn(tx as unknown as Db);
      });

  const query = async <R>(tx: Db, q: SQL): Promise<R[]> => rowsOf<R>(await tx.execute(q));
  const migrationConfig = (set: MigrationSet) => ({
    migrationsFolder: set.folder,
    migrationsTable: `__migrations_${set.id.replace(/[^a-z0-9_]/g, '_')}`,
    migrationsSchema: 'drizzle',
  });

  if (options.url) {
    const client = postgres(options.url, postgresClientOptions(options.poolSize ?? 10));
    const owner = drizzlePostgres(client) as unknown as Db;
    return {
      driver: 'postgres',
      owner,
      appRole,
      scoped: scopedWith(owner),
      migrate: (set) => migratePostgres(drizzlePostgres(client), migrationConfig(set)),
      query,
      ping: async () => {
        try {
          await client`select 1`;
          return true;
        } catch {
          return false;
        }
      },
      close: () => client.end({ timeout: 5 }),
    };
  }

  const dir = options.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(resolve(dir), { recursive: true });
  const client = await PGlite.create(dir.startsWith('memory://') ? dir : resolve(dir), {
    extensions: pgliteExtensions,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const owner = drizzlePglite(client) as unknown as Db;
  return {
    driver: 'pglite',
    owner,
    appRole,
    scoped: scopedWith(owner),
    migrate: (set) => migratePglite(drizzlePglite(client), migrationConfig(set)),
    query,
    ping: async () => {
      try {
        await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** Where PGlite keeps its files under DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}
