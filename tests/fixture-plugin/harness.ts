import { type AnyPlugin, type Database, type ManualClock, openDatabase } from '@painel/core/testing';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testAppRole, withDatabase } from '../support/templates.ts';

export type PluginTestApp = TestApp;

/** The app with plugins: migrates them (core + modules are already in the template) and runs start(). */
export function createPluginTestApp(
  db: Database,
  plugins: AnyPlugin[],
  options: { clock?: ManualClock; migrate?: boolean; start?: boolean; env?: Record<string, string> } = {},
): Promise<PluginTestApp> {
  return createTestApp(db, { ...options, plugins });
}

/**
 * A copy of the PostgreSQL template that several `Database` handles (app instances) can open.
 * Returns null when no server is available.
 */
export async function sharedPostgresCopy(): Promise<{ url: string; open(): Promise<Database>; drop(): Promise<void> } | null> {
  const server = inject('postgresServerUrl');
  if (!server) return null;
  const name = `painel_shared_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`);
  await admin.end();
  const url = withDatabase(server, name);
  return {
    url,
    open: () => openDatabase({ url, appRole: testAppRole, poolSize: 4 }),
    drop: async () => {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
