import {
  type AnyPlugin,
  type CoreServices,
  createApp,
  createLogger,
  createServices,
  type Database,
  loadConfig,
  ManualClock,
  openDatabase,
  type PluginHost,
  prepareDatabase,
} from '@painel/core';
import type { Hono } from 'hono';
import postgres from 'postgres';
import { inject } from 'vitest';
import { appModules, origin, type TestRequestInit } from '../support/test-app.ts';
import { seedInstant, testAppRole, withDatabase } from '../support/templates.ts';

export interface PluginTestApp {
  app: Hono<any>;
  services: CoreServices;
  clock: ManualClock;
  db: Database;
  host: PluginHost;
  request(path: string, init?: TestRequestInit): Promise<Response>;
  login(email: string, password?: string): Promise<string>;
}

/**
 * Like tests/support/test-app.ts, with plugins: migrates them (core + modules are already in the
 * template, so only the plugins' sets run), builds the app and runs the plugins' start().
 */
export async function createPluginTestApp(
  db: Database,
  plugins: AnyPlugin[],
  options: { clock?: ManualClock; migrate?: boolean; start?: boolean } = {},
): Promise<PluginTestApp> {
  const modules = await appModules();
  if (options.migrate !== false) await prepareDatabase(db, modules, plugins);
  const config = loadConfig({ NODE_ENV: 'test' });
  const clock = options.clock ?? new ManualClock(seedInstant);
  const services = createServices(config, db, clock, createLogger(config));
  const { app, plugins: host } = createApp(services, modules, plugins);
  if (options.start !== false) await host.start();
  const request = (path: string, init: TestRequestInit = {}) => {
    const method = init.method ?? (init.form ? 'POST' : 'GET');
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (method !== 'GET' && method !== 'HEAD' && !init.noOrigin && !headers.has('origin')) headers.set('origin', origin);
    let body = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params;
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    return Promise.resolve(app.request(`${origin}${path}`, { method, headers, body }));
  };
  const login = async (email: string, password = 'demo1234') => {
    const res = await request('/login', { form: { email, password } });
    if (res.status !== 303) throw new Error(`login of ${email} failed with ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  return { app, services, clock, db, host, request, login };
}

/**
 * A copy of the PostgreSQL template that several `Database` handles (app instances) can open.
 * Returns null when no server is available.
 */
export async function sharedPostgresCopy(): Promise<{ open(): Promise<Database>; drop(): Promise<void> } | null> {
  const server = inject('postgresServerUrl');
  if (!server) return null;
  const name = `painel_shared_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`);
  await admin.end();
  const url = withDatabase(server, name);
  return {
    open: () => openDatabase({ url, appRole: testAppRole, poolSize: 4 }),
    drop: async () => {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}
