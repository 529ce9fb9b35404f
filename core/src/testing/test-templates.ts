import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { createServices, prepareDatabase, seedDemoIfEmpty } from '../app/bootstrap.ts';
import { ManualClock } from '../clock/clock.ts';
import { loadConfig } from '../config/env.ts';
import { openDatabase, pgliteExtensions } from '../db/open-database.ts';
import type { Database } from '../db/types.ts';
import { createLogger } from '../log/logger.ts';
import type { ModuleDefinition } from '../modules/module.ts';

/** The instant the demo template is seeded at; test clocks start here. */
export const seedInstant = '2026-03-02T12:00:00.000Z';

export const testAppRole = 'painel_app';

/**
 * The environment every test app and template is configured with: demo users hashed cheaply, and
 * uploads' temp files and file stores outside the checkout (tests about files pass their own DATA_DIR).
 */
export const testEnv = { NODE_ENV: 'test', PASSWORD_HASH_COST: 'test', DATA_DIR: join(tmpdir(), 'painel-test-data') } as const;

async function migrateAndSeed(db: Database, modules: ModuleDefinition[]): Promise<void> {
  await prepareDatabase(db, modules);
  const config = loadConfig(testEnv);
  const services = createServices(config, db, new ManualClock(seedInstant), createLogger(config));
  await seedDemoIfEmpty(services, modules);
}

/** A migrated, demo-seeded PGlite, dumped to a tarball that each test loads (faster than migrating). */
export async function buildPgliteTemplate(file: string, modules: ModuleDefinition[]): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory://', appRole: testAppRole });
  await migrateAndSeed(db, modules);
  const client = (db.owner as unknown as { $client: PGlite }).$client;
  const dump = await client.dumpDataDir('none');
  writeFileSync(file, new Uint8Array(await dump.arrayBuffer()));
  await db.close();
}

/** A migrated, demo-seeded database on the real server; tests copy it with CREATE DATABASE … TEMPLATE. */
export async function buildPostgresTemplate(serverUrl: string, name: string, modules: ModuleDefinition[]): Promise<void> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}"`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const db = await openDatabase({ url, appRole: testAppRole, poolSize: 2 });
  await migrateAndSeed(db, modules);
  await db.close();
}

export function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export { pgliteExtensions };
