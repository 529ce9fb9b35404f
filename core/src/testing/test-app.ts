import type { Hono } from 'hono';
import { createApp } from '../app/create-app.tsx';
import { createServices, prepareDatabase } from '../app/bootstrap.ts';
import { builtinModules, loadModules } from '../app/load-modules.ts';
import type { CoreServices } from '../app/services.ts';
import { ManualClock, type TickingClock } from '../clock/clock.ts';
import { loadConfig } from '../config/env.ts';
import type { Database } from '../db/types.ts';
import { createLogger } from '../log/logger.ts';
import type { ModuleDefinition } from '../modules/module.ts';
import type { PluginHost } from '../plugins/plugin-host.ts';
import type { AnyPlugin } from '../plugins/plugin-types.ts';
import { createSession } from './session-fixture.ts';
import { seedInstant, testEnv } from './test-templates.ts';

export const origin = 'http://localhost';

export interface TestApp {
  app: Hono<any>;
  services: CoreServices;
  /** A ManualClock unless the test passed another clock. */
  clock: ManualClock;
  db: Database;
  /** The plugin host (its scheduler, start/stop); empty unless plugins were given. */
  host: PluginHost;
  /** Sends a request as a browser on our origin would (Origin header on unsafe methods). */
  request(path: string, init?: TestRequestInit): Promise<Response>;
  /** Logs in through POST /login and returns the session cookie header value. */
  login(email: string, password?: string): Promise<string>;
  /**
   * A signed-in session for an existing, active user, written straight into the sessions table (no
   * login request, throttle or audit entry): the cookie header value, as `login` returns it. Use it
   * wherever signing in is not what the test is about.
   */
  session(email: string): Promise<string>;
  /** Every route the app registered, with its metadata (permission, data class). */
  routes: RegisteredRoute[];
}

export type RegisteredRoute = ReturnType<typeof createApp>['routes']['routes'][number];

export interface TestRequestInit {
  method?: string;
  cookie?: string | undefined;
  form?: Record<string, string | string[]>;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Leave out the Origin header (to test CSRF refusal). */
  noOrigin?: boolean;
}

let builtinPromise: Promise<ModuleDefinition[]> | undefined;
/** The built-in modules (tenants, content), loaded once per process. */
export function builtinTestModules(): Promise<ModuleDefinition[]> {
  builtinPromise ??= loadModules(builtinModules);
  return builtinPromise;
}

/** An HTTP client for an app: requests as a browser on our origin would send them, and form login. */
export function testClient(app: Hono<any>): Pick<TestApp, 'request' | 'login'> {
  const request = (path: string, init: TestRequestInit = {}) => {
    const method = init.method ?? (init.form || init.body ? 'POST' : 'GET');
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
    const cookie = res.headers.get('set-cookie') ?? '';
    return cookie.split(';')[0] ?? '';
  };
  return { request, login };
}

/**
 * The whole app on `db` (a copy of the demo template; `modules` default to the built-in ones). With `plugins`, their migrations are applied
 * (core and modules are already in the template) and, unless `start: false`, their start() runs.
 */
export async function createTestApp(
  db: Database,
  options: {
    env?: Record<string, string>;
    modules?: ModuleDefinition[];
    plugins?: AnyPlugin[];
    migrate?: boolean;
    start?: boolean;
    clock?: ManualClock | TickingClock;
  } = {},
): Promise<TestApp> {
  const config = loadConfig({ ...testEnv, ...options.env });
  const clock = options.clock ?? new ManualClock(seedInstant);
  const services = createServices(config, db, clock, createLogger(config));
  const modules = options.modules ?? (await builtinTestModules());
  const plugins = options.plugins ?? [];
  if (plugins.length > 0 && options.migrate !== false) await prepareDatabase(db, modules, plugins);
  const { app, routes, plugins: host } = createApp(services, modules, plugins);
  if (plugins.length > 0 && options.start !== false) await host.start();
  const session = (email: string) => createSession(services, email);
  return { app, services, clock: clock as ManualClock, db, host, ...testClient(app), session, routes: routes.routes };
}
