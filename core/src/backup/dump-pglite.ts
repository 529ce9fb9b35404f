import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/types.ts';
import type { SnapshotFacts } from './dump-postgres.ts';
import { countTableRows, migrationHeads, type RunSql } from './snapshot-facts.ts';

export function pgliteClient(db: Database): PGlite {
  if (db.driver !== 'pglite') throw new Error('not a PGlite database');
  return (db.owner as unknown as { $client: PGlite }).$client;
}

/**
 * PGlite's data directory as a gzipped tarball, taken by the process that owns the database. It runs
 * inside one transaction of the app: PGlite serialises transactions, so no other request's work is
 * in flight while the rows are counted, a checkpoint writes every committed page to the files, and
 * the files are read. The row counts and migration heads therefore describe exactly the tarball.
 */
export async function dumpPglite(db: Database): Promise<SnapshotFacts & { archive: Blob }> {
  const client = pgliteClient(db);
  return db.scoped({ kind: 'platform' }, async () => {
    const runSql: RunSql = (text) => db.query(db.owner, sql.raw(text));
    const [version] = await runSql('select version() as text');
    const tableRows = await countTableRows(runSql);
    const migrations = await migrationHeads(runSql);
    await runSql('checkpoint');
    const archive = await client.dumpDataDir('gzip');
    return { serverVersion: String(version?.text), tableRows, migrations, archive };
  });
}
