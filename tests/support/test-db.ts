import { readFileSync } from 'node:fs';
import { type Database, type DriverName, openDatabase } from '@painel/core/testing';

type Extra = { onStatement?: (text: string) => void };
import postgres from 'postgres';
import { inject } from 'vitest';
import { testAppRole, withDatabase } from './templates.ts';

/** The drivers every DB test runs on: PGlite always, PostgreSQL when a server is available. */
export function testDrivers(): DriverName[] {
  return inject('postgresServerUrl') ? ['pglite', 'postgres'] : ['pglite'];
}

let counter = 0;

/** A fresh copy of the migrated, demo-seeded template; `close()` also drops the copy. */
export async function openTestDatabase(driver: DriverName, extra: Extra = {}): Promise<Database> {
  if (driver === 'pglite') {
    const tar = readFileSync(inject('pgliteTemplate'));
    return openDatabase({ dataDir: 'memory://', appRole: testAppRole, loadDataDir: new Blob([tar]) });
  }
  const server = inject('postgresServerUrl');
  const name = `painel_t${++counter}_${process.pid}_${Math.random().toString(36).slice(2, 8)}_${process.env.VITEST_WORKER_ID ?? 0}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`);
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

/** Raw URL of a test database copy (for tests that open their own connections, e.g. two app instances). */
export function postgresServerUrl(): string {
  return inject('postgresServerUrl');
}
