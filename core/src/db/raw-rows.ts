import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './types.ts';

/**
 * Hand-written statements for the hottest reads (the session, a page of search results): one fixed SQL
 * text and plain rows, without the query builder's per-column mapping. Both drivers hand back the same
 * values when the statement returns ids as text and times as `epochMs`.
 */

/** The rows of `tx.execute(…)`: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<R>(result: unknown): R[] {
  if (Array.isArray(result)) return result as R[];
  return ((result as { rows?: R[] }).rows ?? []) as R[];
}

/** Runs a hand-written statement in `tx` and returns its rows. */
export async function selectRows<R>(tx: Db, statement: SQL): Promise<R[]> {
  return rowsOf<R>(await tx.execute(statement));
}

/** A timestamp column as epoch milliseconds (float8): the same number on PGlite and postgres.js. */
export const epochMs = (column: string): SQL => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);

/** An `epochMs` value (a number, or its text from a driver that returns float8 as text) as a Date. */
export const dateOfEpochMs = (value: number | string): Date => new Date(Math.floor(Number(value)));
