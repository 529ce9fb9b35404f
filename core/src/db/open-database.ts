import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { type Clock, systemClock } from '../clock/clock.ts';
import { lockPgliteDir } from './pglite-lock.ts';
import { postgresClientOptions } from './postgres-options.ts';
import { PostgresPool } from './postgres-pool.ts';
import { rowsOf } from './raw-rows.ts';
import { isDatabaseUnavailable } from './unavailable.ts';
import { ScopeSigner } from './scope-entry.ts';
import { ambientTransaction, ScopedTransaction, type TxHandle, withAmbientTransaction } from './transaction.ts';
import type { Database, Db, MigrationSet, TenantScope } from './types.ts';

export interface OpenDatabaseOptions {
  /** postgres:// URL of a real server; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory (ignored with `url`); `memory://` for an in-memory database. */
  dataDir?: string | undefined;
  /** Load PGlite from a dump made by `dumpDataDir()` (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
  /**
   * A PGlite directory just copied from the migrated image (core/src/db/pglite-image.ts): its
   * scope-signing key, the same in every copy, is replaced by a new random one before any use.
   */
  rotateScopeKey?: boolean | undefined;
  appRole: string;
  /** Maximum postgres.js pool size. */
  poolSize?: number;
  /** How long a transaction waits for a free PostgreSQL connection before it fails as unavailable (503). */
  reserveTimeoutMs?: number | undefined;
  /** Called with each statement sent to a PostgreSQL server (tests count round trips with it). */
  onStatement?: ((text: string) => void) | undefined;
}

export const pgliteExtensions = { citext, pg_trgm };

/** Opens PGlite (embedded, default) or postgres.js (`url`) behind one `Database` interface. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const appRole = options.appRole;
  const dialect = new PgDialect();
  let signer: ScopeSigner | null = null;
  let clock: Clock = systemClock;

  const enter = (scope: TenantScope, first: boolean): SQL => {
    if (!signer) throw new Error('scope key not loaded: run prepareDatabase (migrations) first');
    return signer.enter(scope, clock.now(), first ? appRole : undefined);
  };
  let pgliteOwner: Db | null = null;
  const query = async <R>(tx: Db, q: SQL): Promise<R[]> => {
    // On PGlite a request's open transaction holds the only connection: an owner read joins it.
    const outer = tx === pgliteOwner ? ambientTransaction() : null;
    if (outer?.begun) return rowsOf<R>(await outer.asOwner((t) => t.execute(q)));
    return rowsOf<R>(await tx.execute(q));
  };
  const migrationConfig = (set: MigrationSet) => ({
    migrationsFolder: set.folder,
    migrationsTable: `__migrations_${set.id.replace(/[^a-z0-9_]/g, '_')}`,
    migrationsSchema: 'drizzle',
  });

  const loadScopeKey = async (owner: Db) => {
    const [row] = await query<{ key: string }>(owner, sql`select encode(key, 'hex') as key from app_private.scope_key where id = 1`);
    if (!row) throw new Error('scope key missing (app_private.scope_key)');
    signer = new ScopeSigner(row.key);
  };

  const common = (owner: Db, openTx: () => Promise<TxHandle>) => {
    const begin = async () => {
      if (!signer) await loadScopeKey(owner);
      return openTx();
    };
    const transaction = (scope: TenantScope) => new ScopedTransaction(begin, enter, scope);
    const scoped = async <T>(scope: TenantScope, fn: (tx: Db) => Promise<T>): Promise<T> => {
      const outer = ambientTransaction();
      if (outer) return outer.run(fn, scope);
      const t = transaction(scope);
      try {
        const value = await withAmbientTransaction(t, () => t.run(fn));
        await t.finish(true);
        return value;
      } catch (error) {
        await t.finish(false).catch(() => undefined);
        throw error;
      }
    };
    return {
      owner,
      appRole,
      transaction,
      scoped,
      query,
      useClock: (c: Clock) => {
        clock = c;
      },
    };
  };

  if (options.url) {
    const onStatement = options.onStatement;
    const pool = new PostgresPool({
      url: options.url,
      clientOptions: {
        ...postgresClientOptions(options.poolSize ?? 10),
        ...(onStatement ? { debug: (_connection: number, text: string) => onStatement(text) } : {}),
      },
      reserveTimeoutMs: options.reserveTimeoutMs ?? defaultReserveTimeoutMs,
    });
    const client = pool.client;
    const owner = drizzlePostgres(client) as unknown as Db;
    const begin = async (): Promise<TxHandle> => {
      const reservation = await pool.reserve();
      const reserved = reservation.sql;
      // Drizzle reads the type parsers from `options`, which a reserved connection shares with its pool.
      // It also asks for unnamed statements, which postgres.js describes before every run (a round trip
      // of its own that stalls the pipeline); named ones are described once per connection. And a
      // query without parameters would go out on the simple protocol, which runs stacked statements
      // (`…; set local app.scope = …`): the extended protocol takes exactly one.
      // When the connection is lost, statements still waiting in the reserved connection's own queue
      // would never settle: the first connection error rejects every statement of the transaction.
      const unsafe = reserved.unsafe.bind(reserved);
      const pending = new Set<PendingQuery>();
      let lost: unknown = null;
      const track = (q: PendingQuery) => {
        if (lost) {
          queueMicrotask(() => q.reject(lost));
          return q;
        }
        pending.add(q);
        q.then(
          () => pending.delete(q),
          (error: unknown) => {
            pending.delete(q);
            if (lost || !isDatabaseUnavailable(error)) return;
            lost = error;
            for (const other of pending) other.reject(error);
            pending.clear();
          },
        );
        return q;
      };
      Object.assign(reserved, {
        options: reservation.options,
        unsafe: (text: string, params?: never[], opts?: Record<string, unknown>) =>
          track(unsafe(text, params, { ...opts, prepare: true, simple: false } as Record<string, unknown>) as unknown as PendingQuery),
      });
      const send = (statement: SQL) => {
        const q = dialect.sqlToQuery(statement);
        return reserved.unsafe(q.sql, q.params as never[]).execute();
      };
      // Pipelined: BEGIN goes out with the first statements of the transaction.
      void reserved.unsafe('begin').execute().catch(() => undefined);
      let done = false;
      const end = async (statement: string) => {
        if (done) return;
        done = true;
        try {
          await reserved.unsafe(statement);
        } finally {
          // A connection lost during the transaction is not handed back: the pool starts over instead.
          reservation.release(lost !== null);
        }
      };
      return {
        tx: drizzlePostgres(reserved) as unknown as Db,
        send,
        commit: () => end('commit'),
        rollback: () => end('rollback').catch(() => undefined),
      };
    };
    return {
      driver: 'postgres',
      ...common(owner, begin),
      migrate: (set) => migratePostgres(drizzlePostgres(client), migrationConfig(set)),
      ping: async () => {
        try {
          // Inside a request the ping uses the request's own connection, not a second one from the pool.
          const outer = ambientTransaction();
          // `select 1` reads no tenant row: it runs in whatever scope is entered (no scope entry of its own).
          if (outer?.begun) await outer.run((tx) => tx.execute(sql`select 1`), outer.enteredScope ?? outer.scope);
          else await client`select 1`;
          return true;
        } catch {
          return false;
        }
      },
      close: () => pool.end(5),
    };
  }

  const dir = options.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(resolve(dir), { recursive: true });
  const client = await PGlite.create(dir.startsWith('memory://') ? dir : resolve(dir), {
    extensions: pgliteExtensions,
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  if (options.rotateScopeKey) {
    await client.query(`update app_private.scope_key set key = decode($1, 'hex') where id = 1`, [randomBytes(32).toString('hex')]);
  }
  const unlock = dir.startsWith('memory://') ? () => {} : lockPgliteDir(resolve(dir));
  const owner = drizzlePglite(client) as unknown as Db;
  pgliteOwner = owner;
  // PGlite is one connection: a transaction holds it until it ends (other requests wait their turn).
  const begin = (): Promise<TxHandle> =>
    new Promise<TxHandle>((resolveHandle, rejectHandle) => {
      let settle: { commit: () => void; rollback: () => void } | undefined;
      const ended = new Promise<void>((commit, rollback) => {
        settle = { commit, rollback: () => rollback(rollbackSignal) };
      });
      let opened = false;
      const finished = client.transaction(async (t) => {
        opened = true;
        resolveHandle({
          tx: drizzlePglite(t as unknown as PGlite) as unknown as Db,
          send: (statement) => {
            const q = dialect.sqlToQuery(statement);
            return t.query(q.sql, q.params);
          },
          commit: async () => {
            settle!.commit();
            await finished;
          },
          rollback: async () => {
            settle!.rollback();
            await finished.catch(() => undefined);
          },
        });
        await ended;
      });
      finished.catch((error: unknown) => {
        if (!opened) rejectHandle(error);
      });
    });
  return {
    driver: 'pglite',
    ...common(owner, begin),
    migrate: (set) => migratePglite(drizzlePglite(client), migrationConfig(set)),
    ping: async () => {
      const outer = ambientTransaction();
      try {
        if (outer?.begun) await outer.run((tx) => tx.execute(sql`select 1`), outer.enteredScope ?? outer.scope);
        else await client.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

const rollbackSignal = new Error('rollback');

/** A request waits at most this long for a free PostgreSQL connection, then gets the 503 page. */
const defaultReserveTimeoutMs = 10_000;

/** A postgres.js query as the request path sees it: a promise it can also reject from outside. */
type PendingQuery = Promise<unknown> & { reject(error: unknown): void };

/** Where PGlite keeps its files under DATA_DIR. */
export function pgliteDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}
