import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

/** What waiting for a free connection fails with, past the reserve timeout: the database counts as unavailable. */
export class ReserveTimeoutError extends Error {
  readonly code = 'RESERVE_TIMEOUT';
  constructor(ms: number) {
    super(`no database connection became free within ${ms} ms`);
    this.name = 'ReserveTimeoutError';
  }
}

/** A reserved connection as the request path holds it; `release(lost)` says whether the connection was lost meanwhile. */
export interface Reservation {
  sql: postgres.ReservedSql;
  /** The options of the client the connection came from (Drizzle reads the type parsers there). */
  options: postgres.Sql['options'];
  release(lost: boolean): void;
}

interface Generation {
  sql: postgres.Sql;
  /** Reservations handed out and not yet released. */
  outstanding: number;
  retired: boolean;
  ended: Promise<void> | null;
}

export interface PostgresPoolOptions {
  url: string;
  /** postgres.js options of every client (pool size, timeouts, debug). */
  clientOptions: postgres.Options<Record<string, never>>;
  /** How long a transaction waits for a free connection before it fails as "unavailable". */
  reserveTimeoutMs: number;
  /** Pause between attempts to reach the server again after connections were lost. */
  probeIntervalMs?: number;
  /** A retired client still serving reservations is ended anyway after this long. */
  retireAfterMs?: number;
}

/**
 * The app's postgres.js pool, able to start over. A transaction reserves a connection for its whole
 * life; waiting for one is bounded (`reserveTimeoutMs`, then an "unavailable" error — a 503, never a
 * hang). When a reservation lost its connection (the server stopped, restarted or ended the backend)
 * or a wait timed out, the pool no longer trusts its client's bookkeeping: it opens a fresh client
 * as soon as the server answers it, routes every new query and reservation there, and ends the old
 * client once the reservations it still serves are released (or after `retireAfterMs`). So no
 * connection slot stays stranded in a client whose state a connection loss left inconsistent.
 *
 * `client` is a stable handle (for Drizzle and plain queries) that always reaches the current client.
 */
export class PostgresPool {
  readonly client: postgres.Sql;
  #current: Generation;
  #retiring = new Set<Generation>();
  #renewing: Promise<void> | null = null;
  #closed = false;
  #generations = 1;
  readonly #options: Required<PostgresPoolOptions>;

  constructor(options: PostgresPoolOptions) {
    this.#options = { probeIntervalMs: 250, retireAfterMs: 60_000, ...options };
    this.#current = this.#generation();
    const current = () => this.#current.sql;
    const target = function () {} as unknown as postgres.Sql;
    this.client = new Proxy(target, {
      apply: (_t, _this, args: unknown[]) => (current() as unknown as (...a: unknown[]) => unknown)(...args),
      get: (_t, prop) => {
        const sql = current();
        const value = Reflect.get(sql, prop) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(sql) : value;
      },
    });
  }

  /** How many clients this pool has opened (1 until connections were lost and the server came back). */
  get generations(): number {
    return this.#generations;
  }

  /** A connection of its own for one transaction; rejects with `ReserveTimeoutError` past the timeout. */
  async reserve(): Promise<Reservation> {
    if (this.#closed) throw Object.assign(new Error('database pool closed'), { code: 'CONNECTION_ENDED' });
    const gen = this.#current;
    gen.outstanding++;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const pending = gen.sql.reserve();
    try {
      const sql = await Promise.race([
        pending,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new ReserveTimeoutError(this.#options.reserveTimeoutMs));
          }, this.#options.reserveTimeoutMs);
        }),
      ]);
      let released = false;
      return {
        sql,
        options: gen.sql.options,
        release: (lost) => {
          if (released) return;
          released = true;
          // postgres.js took a lost connection back itself; releasing it again would hand a dead slot out.
          if (!lost) sql.release();
          this.#done(gen);
          if (lost) this.renew();
        },
      };
    } catch (error) {
      if (timedOut) {
        // Should the connection still come, give it straight back.
        pending.then((late) => late.release(), () => undefined);
      }
      this.#done(gen);
      this.renew();
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Replaces the client once the server answers a fresh one (single flight; keeps trying every
   * `probeIntervalMs` until it does or the pool closes). Called when connections were lost.
   */
  renew(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#renewing ??= this.#renewLoop().finally(() => {
      this.#renewing = null;
    });
    return this.#renewing;
  }

  async #renewLoop(): Promise<void> {
    while (!this.#closed) {
      const next = this.#generation();
      try {
        await next.sql`select 1`;
      } catch {
        void next.sql.end({ timeout: 0 }).catch(() => undefined);
        await new Promise((r) => setTimeout(r, this.#options.probeIntervalMs));
        continue;
      }
      if (this.#closed) {
        await next.sql.end({ timeout: 0 }).catch(() => undefined);
        return;
      }
      const old = this.#current;
      this.#current = next;
      this.#generations++;
      this.#retire(old);
      return;
    }
  }

  #generation(): Generation {
    const sql = postgres(this.#options.url, this.#options.clientOptions);
    // Drizzle sets its type parsers on the client's options; every client gets the same ones.
    drizzlePostgres(sql);
    return { sql, outstanding: 0, retired: false, ended: null };
  }

  #retire(gen: Generation): void {
    gen.retired = true;
    this.#retiring.add(gen);
    if (gen.outstanding === 0) return void this.#end(gen, 5);
    const late = setTimeout(() => void this.#end(gen, 0), this.#options.retireAfterMs);
    late.unref();
  }

  #done(gen: Generation): void {
    gen.outstanding--;
    if (gen.retired && gen.outstanding === 0) void this.#end(gen, 5);
  }

  #end(gen: Generation, timeoutSeconds: number): Promise<void> {
    gen.ended ??= gen.sql
      .end({ timeout: timeoutSeconds })
      .catch(() => undefined)
      .finally(() => this.#retiring.delete(gen));
    return gen.ended;
  }

  async end(timeoutSeconds: number): Promise<void> {
    this.#closed = true;
    await Promise.all([this.#end(this.#current, timeoutSeconds), ...[...this.#retiring].map((g) => this.#end(g, timeoutSeconds))]);
  }
}
