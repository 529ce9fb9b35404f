import type { Db, DriverName } from '../types.ts';

/** The driver connection under a Drizzle transaction handle (`$client`): what bulk loads talk to. */
export interface RawClient {
  /** Runs one statement with parameters; rows and the affected-row count. */
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; count: number }>;
}

/** postgres.js: a reserved connection (its `unsafe` is core's pipelined wrapper, see open-database.ts). */
export interface PostgresJsConnection {
  unsafe(text: string, params?: unknown[]): PostgresJsQuery;
}
export type PostgresJsQuery = Promise<Record<string, unknown>[] & { count: number | null }> & {
  writable(): Promise<import('node:stream').Writable>;
  /** Settles the query with an error (postgres.js calls it for every error of the query). */
  reject(error: unknown): void;
};

/** PGlite: its transaction object. */
export interface PgliteConnection {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[]; affectedRows?: number }>;
}

export function driverConnection<C>(tx: Db): C {
  const client = (tx as unknown as { $client?: C }).$client;
  if (!client) throw new Error('copyInto: this handle has no driver connection (pass the tx of ctx.scoped or c.get("tx")).');
  return client;
}

export function rawClient(driver: DriverName, tx: Db): RawClient {
  if (driver === 'postgres') {
    const connection = driverConnection<PostgresJsConnection>(tx);
    return {
      query: async (text, params = []) => {
        const result = await connection.unsafe(text, params);
        return { rows: [...result], count: result.count ?? 0 };
      },
    };
  }
  const connection = driverConnection<PgliteConnection>(tx);
  return {
    query: async (text, params = []) => {
      const result = await connection.query(text, params);
      return { rows: result.rows, count: result.affectedRows ?? 0 };
    },
  };
}
