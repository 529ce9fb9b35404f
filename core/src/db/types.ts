import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/** A Drizzle handle (database or transaction) that works the same on PGlite and postgres.js. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DriverName = 'pglite' | 'postgres';

/**
 * Who a transaction runs for. Written into transaction-local settings read by the row-level-security
 * policies (core/migrations/0000_rls_functions.sql):
 * - platform: vendor staff, platform-wide work (explicit and audited);
 * - reseller: a reseller admin, every clinic of one reseller;
 * - clinic:   one active clinic (its members, or a support agent inside a granted base);
 * - support:  a support agent outside any base (sees only bases with an active grant);
 * - user:     a signed-in user with no tenant chosen (own rows only);
 * - auth:     core's authentication internals (sessions, throttling, user lookup by e-mail);
 * - none:     nobody signed in: sees no tenant row at all.
 */
export type TenantScope =
  | { kind: 'platform'; userId?: number | undefined }
  | { kind: 'reseller'; resellerId: number; userId?: number | undefined }
  | { kind: 'clinic'; resellerId: number; clinicId: number; userId?: number | undefined }
  | { kind: 'support'; userId: number }
  | { kind: 'user'; userId: number }
  | { kind: 'auth' }
  | { kind: 'none' };

export interface MigrationSet {
  /** Owner of the set: "core", a module or a plugin id; names the migrations table. */
  id: string;
  folder: string;
}

export interface Database {
  readonly driver: DriverName;
  /** The owning connection: migrations and role setup only. Request work goes through `scoped`. */
  readonly owner: Db;
  readonly appRole: string;
  /**
   * Runs `fn` in one transaction as the non-superuser app role, with the scope's RLS settings. Inside
   * an open transaction of the same async context (a request's), it joins that transaction instead:
   * a savepoint with this scope, the caller's scope restored afterwards.
   */
  scoped<T>(scope: TenantScope, fn: (tx: Db) => Promise<T>): Promise<T>;
  /** A transaction that starts on first use and switches scopes inside itself (one per request). */
  transaction(scope: TenantScope): import('./transaction.ts').ScopedTransaction;
  /** The clock whose "now" the RLS policies see (app.clock_now). */
  useClock(clock: import('../clock/clock.ts').Clock): void;
  /** Applies one migration set in a single transaction; its own table `drizzle.__migrations_<id>`. */
  migrate(set: MigrationSet): Promise<void>;
  /** Runs raw SQL and returns the rows (driver differences hidden). */
  query<R = Record<string, unknown>>(tx: Db, query: import('drizzle-orm').SQL): Promise<R[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
