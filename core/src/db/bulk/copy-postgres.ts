import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type { Db } from '../types.ts';
import type { ResolvedTarget } from './bulk-target.ts';
import { copyTextLine } from './copy-values.ts';
import { driverConnection, type PostgresJsConnection, rawClient } from './raw-client.ts';

/** Bytes gathered before one write to the COPY stream (one CopyData message). */
const chunkBytes = 64 * 1024;

/** The staging table of a load; one load at a time per transaction (a COPY holds the connection). */
export const stagingTable = 'pg_temp.painel_bulk_load';

/**
 * postgres.js: COPY … FROM STDIN into a temporary staging table, then `insert … select` into the target
 * in batches of `batchRows`. PostgreSQL refuses COPY FROM into a table with row-level security for a
 * role subject to it; the insert runs as the request role, so every row still passes the target's
 * WITH CHECK policies. Writes wait for the socket to drain (back-pressure): memory holds one chunk.
 */
export async function copyIntoPostgres(tx: Db, target: ResolvedTarget, rows: AsyncIterable<unknown> | Iterable<unknown>, batchRows: number): Promise<number> {
  const connection = driverConnection<PostgresJsConnection>(tx);
  const client = rawClient('postgres', tx);
  await client.query(`drop table if exists ${stagingTable}`);
  await client.query(`create temp table painel_bulk_load on commit drop as select ${target.columnList} from ${target.sql} with no data`);
  const copySql = `copy ${stagingTable} (${target.columnList}) from stdin`;
  const insertSql = `insert into ${target.sql} (${target.columnList}) select ${target.columnList} from ${stagingTable}`;

  let loaded = 0;
  let row = 0;
  let stream: Writable | null = null;
  let inBatch = 0;
  let chunk = '';

  // postgres.js settles a COPY's promise with the stream; an error the server sends after that (a bad
  // value, a refused row) reaches only the query's `reject`, and a stream already ended never finishes.
  // Every wait of the COPY therefore races with that error.
  let failed: Promise<never> = new Promise<never>(() => {});
  const open = async (): Promise<Writable> => {
    const query = connection.unsafe(copySql);
    const reject = query.reject.bind(query);
    failed = new Promise<never>((_, fail) => {
      query.reject = (error: unknown) => {
        fail(error);
        reject(error);
      };
    });
    failed.catch(() => undefined);
    return Promise.race([query.writable(), failed]);
  };
  const write = async (text: string) => {
    if (!stream!.write(text)) await Promise.race([once(stream!, 'drain'), failed]);
  };
  const flush = async () => {
    const ending = stream!;
    if (chunk) await write(chunk);
    chunk = '';
    stream = null;
    ending.end();
    await Promise.race([finished(ending), failed]);
    loaded += (await client.query(insertSql)).count;
    await client.query(`truncate ${stagingTable}`);
    inBatch = 0;
  };

  try {
    for await (const values of rows) {
      row += 1;
      const line = copyTextLine(values, target.columns, row);
      stream ??= await open();
      chunk += line;
      inBatch += 1;
      if (chunk.length >= chunkBytes) {
        await write(chunk);
        chunk = '';
      }
      if (inBatch >= batchRows) await flush();
    }
    if (stream) await flush();
  } catch (error) {
    // CopyFail: the server ends the COPY with an error and the transaction (savepoint) is aborted.
    if (stream) {
      const failed: Writable = stream;
      failed.destroy(error instanceof Error ? error : new Error(String(error)));
      await finished(failed).catch(() => undefined);
    }
    throw error;
  }
  await client.query(`drop table ${stagingTable}`);
  return loaded;
}
