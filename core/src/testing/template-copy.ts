import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { openDatabase } from '../db/open-database.ts';
import type { Database, DriverName } from '../db/types.ts';
import { testAppRole, withDatabase } from './test-templates.ts';

/**
 * Where the migrated, demo-seeded templates of a test run are (built once by the global setup:
 * tests/support/global-setup.ts). In this repository's vitest runs, `testTemplates(inject)` reads
 * them from vitest's `inject`.
 */
export interface TestTemplates {
  /** The PGlite template: a data-directory dump (`dumpDataDir`) on disk. */
  pglite: string;
  /** postgres://… of the server holding the PostgreSQL template, or '' when there is none. */
  postgresServerUrl: string;
  /** The PostgreSQL template database's name. */
  postgresTemplate: string;
}

/** The templates from vitest's `inject` (pass it: core does not import vitest). */
export function testTemplates(inject: (key: 'pgliteTemplate' | 'postgresServerUrl' | 'postgresTemplate') => string): TestTemplates {
  return { pglite: inject('pgliteTemplate'), postgresServerUrl: inject('postgresServerUrl'), postgresTemplate: inject('postgresTemplate') };
}

/** The drivers a test can run on: PGlite always, PostgreSQL when the run has a server. */
export function templateDrivers(templates: TestTemplates): DriverName[] {
  return templates.postgresServerUrl ? ['pglite', 'postgres'] : ['pglite'];
}

let counter = 0;

/**
 * A fresh copy of the template on `driver`: PGlite loads the dump (in memory), PostgreSQL creates a
 * database from the template (`close()` also drops it).
 */
export async function openTemplateCopy(
  driver: DriverName,
  templates: TestTemplates,
  extra: { onStatement?: (text: string) => void } = {},
): Promise<Database> {
  if (driver === 'pglite') {
    const tar = readFileSync(templates.pglite);
    return openDatabase({ dataDir: 'memory://', appRole: testAppRole, loadDataDir: new Blob([tar]) });
  }
  const server = templates.postgresServerUrl;
  if (!server) throw new Error('no PostgreSQL server in this test run (templates.postgresServerUrl is empty)');
  const name = `painel_t${++counter}_${process.pid}_${Math.random().toString(36).slice(2, 8)}_${process.env.VITEST_WORKER_ID ?? 0}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${templates.postgresTemplate}"`);
  await admin.end();
  const db = await openDatabase({ url: withDatabase(server, name), appRole: testAppRole, poolSize: 4, onStatement: extra.onStatement });
  const close = db.close.bind(db);
  return Object.assign(db, {
    close: async () => {
      await close();
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  });
}
