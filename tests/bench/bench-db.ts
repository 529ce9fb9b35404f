/**
 * The database a benchmark runs on: an in-memory PGlite by default, or a throwaway database created on
 * the PostgreSQL server of BENCH_DATABASE_URL (dropped at the end — never the app's own database).
 */
import { type Database, openDatabase } from '@painel/core/testing';
import postgres from 'postgres';

export interface BenchDatabase {
  db: Database;
  label: string;
  drop(): Promise<void>;
}

export async function openBenchDatabase(serverUrl: string | undefined): Promise<BenchDatabase> {
  if (!serverUrl) {
    const db = await openDatabase({ dataDir: 'memory://', appRole: 'painel_app' });
    return { db, label: 'PGlite (memória)', drop: () => db.close() };
  }
  const name = `painel_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), appRole: 'painel_app', poolSize: 4 });
  return {
    db,
    label: `PostgreSQL (${url.host}, banco temporário ${name})`,
    drop: async () => {
      await db.close();
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
