/**
 * Test harness for the support plugin: the whole app (built-in modules + the plugin, through the
 * plugin host) on a fresh copy of the demo template. The plugin's migrations are applied (again, a no-op
 * when the template already has them) and `start()` runs, which seeds the plugin's demo data.
 */
import {
  builtinModules,
  createApp,
  createLogger,
  createServices,
  type Database,
  type DriverName,
  loadConfig,
  loadModules,
  loadPlugins,
  ManualClock,
  prepareDatabase,
  type PluginHost,
  type CoreServices,
  type TickingClock,
} from '@painel/core';
import type { Hono } from 'hono';
import { seedInstant } from '../support/templates.ts';
import { openTestDatabase } from '../support/test-db.ts';

export const origin = 'http://localhost';

export interface SupportTestApp {
  app: Hono<any>;
  db: Database;
  services: CoreServices;
  clock: ManualClock;
  host: PluginHost;
  /** Every route the app registered, with its permission and data class. */
  routes: Array<{ method: string; path: string; meta: { permission: string; dataClass: string; screen?: string | undefined } }>;
  request(path: string, init?: { method?: string; cookie?: string; form?: Record<string, string | string[]>; body?: BodyInit; headers?: Record<string, string> }): Promise<Response>;
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSupportApp(driver: DriverName, options: { now?: string; clock?: ManualClock | TickingClock } = {}): Promise<SupportTestApp> {
  const db = await openTestDatabase(driver);
  const modules = (await loadModules(builtinModules)).filter((m) => m.id !== 'support');
  const plugins = await loadPlugins(['@painel/support']);
  await prepareDatabase(db, modules, plugins);
  const config = loadConfig({ NODE_ENV: 'test' });
  const clock = options.clock ?? new ManualClock(options.now ?? seedInstant);
  const services = createServices(config, db, clock, createLogger(config));
  const { app, plugins: host, routes } = createApp(services, modules, plugins);
  await host.start();
  const request: SupportTestApp['request'] = (path, init = {}) => {
    const method = init.method ?? (init.form || init.body ? 'POST' : 'GET');
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    if (method !== 'GET') headers.set('origin', origin);
    let body = init.body;
    if (init.form) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(init.form)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params;
      headers.set('content-type', 'application/x-www-form-urlencoded');
    }
    return Promise.resolve(app.request(`${origin}${path}`, { method, headers, body }));
  };
  const login = async (email: string) => {
    const res = await request('/login', { form: { email, password: 'demo1234' } });
    if (res.status !== 303) throw new Error(`login of ${email} failed with ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  };
  return {
    app,
    db,
    services,
    clock: clock as ManualClock,
    host,
    routes: routes.routes,
    request,
    login,
    close: async () => {
      await host.stop();
      await db.close();
    },
  };
}

/** A multipart body for the ticket forms (text fields and files). */
export function multipart(fields: Record<string, string>, files: Array<{ field: string; name: string; type: string; bytes: Uint8Array }> = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field, new File([f.bytes as BlobPart], f.name, { type: f.type }));
  return form;
}

/** The ticket number a "303 → /p/support/chamados/<n>" answer points to. */
export function ticketIdOf(res: Response): number {
  const loc = res.headers.get('location') ?? '';
  const m = /\/p\/support\/chamados\/(\d+)$/.exec(loc);
  if (!m) throw new Error(`expected a redirect to a ticket, got ${res.status} ${loc}`);
  return Number(m[1]);
}
