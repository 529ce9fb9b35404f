import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { loadRequestActor } from '../auth/request-actor.ts';
import { backupRoutes } from '../backup/backup-routes.tsx';
import { BackupService } from '../backup/backup-service.ts';
import { authRoutes } from '../auth/routes/auth-routes.tsx';
import { clearSessionCookie, readSessionToken } from '../auth/session-cookie.ts';
import { clientIpResolver } from '../http/client-ip.ts';
import type { AppEnv } from '../http/env.ts';
import { withAmbientTransaction } from '../db/transaction.ts';
import { renderHttpError, renderServerError } from '../http/error-pages.tsx';
import { HttpError } from '../http/http-error.ts';
import { renderUnavailable } from '../http/unavailable-page.tsx';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { ownOriginCheck } from '../http/own-origin.ts';
import { sameOriginWrites } from '../http/same-origin.ts';
import { assertEveryRouteDeclared, RouteRegistry, ScreenRouter } from '../http/screen-router.ts';
import { securityHeaders } from '../http/security-headers.ts';
import { staticAssetRoutes } from '../http/static-assets.ts';
import { healthRoutes } from '../health/health-routes.ts';
import type { ModuleDefinition } from '../modules/module.ts';
import { notificationRoutes } from '../notifications/notification-routes.tsx';
import { jobRoutes } from '../jobs/job-routes.tsx';
import { anonymousActor, scopeOf } from '../policy/actor.ts';
import { withPolicy } from '../policy/policy.ts';
import { PluginHost } from '../plugins/plugin-host.ts';
import type { AnyPlugin } from '../plugins/plugin-types.ts';
import { homeRoutes } from './home-routes.tsx';
import type { CoreServices } from './services.ts';

export interface BuiltApp {
  app: Hono<AppEnv>;
  routes: RouteRegistry;
  /** The configured plugins: call `await plugins.start()` before serving (main.ts does). */
  plugins: PluginHost;
  /** Backups: main.ts starts its ticking (nightly run, queued "Fazer backup agora"). */
  backups: BackupService;
}

/**
 * The request pipeline: request id → logging → secure headers (CSP with nonce) → CSRF (Origin /
 * Sec-Fetch-Site on every unsafe method) → session and actor → routes, each behind the policy guard.
 */
export function createApp(services: CoreServices, modules: ModuleDefinition[] = [], plugins: AnyPlugin[] = []): BuiltApp {
  const app = new Hono<AppEnv>();
  const registry = new RouteRegistry(services.policy);
  const pluginHost = new PluginHost(services, plugins, ['core', ...modules.map((m) => m.id)]);
  const { config, sessions, log } = services;
  const isOwnOrigin = ownOriginCheck(config.publicOrigin);
  const clientIp = clientIpResolver(config.trustedProxies);

  app.use(requestId({ headerName: 'X-Request-Id', generator: () => crypto.randomUUID() }));
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('services', services);
    c.set('clientIp', clientIp(c));
    c.set('log', log.child({ requestId: c.get('requestId') }));
    await next();
    c.get('log').info(
      { method: c.req.method, path: redactPath(c.req.path), status: c.res.status, ms: Math.round(performance.now() - started), user: c.get('actor')?.user?.id, ip: c.get('clientIp') },
      'request',
    );
  });
  app.use(securityHeaders({ hsts: config.secureCookies }));
  app.use(csrf({ origin: isOwnOrigin }));
  app.use(sameOriginWrites(isOwnOrigin));
  app.use(async (c, next) => {
    c.set('session', null);
    c.set('actor', withPolicy({ ...anonymousActor }, services.policy));
    c.set('pendingFlash', null);
    c.set('tx', (fn, scope) => services.db.scoped(scope ?? { kind: 'none' }, fn));
    c.set('flash', async () => {});
    c.set('prefetch', noPrefetch);
    if (c.req.path.startsWith('/assets/')) return next();
    // One transaction for the request: session, actor, plugin gate, the handler's reads and the
    // layout's data. Begun on first use; committed after the response is built, rolled back on an
    // unexpected error (and always ended, so its connection goes back to the pool).
    const request = services.db.transaction({ kind: 'none' });
    await withAmbientTransaction(request, async () => {
      let actor = c.get('actor');
      let failed = true;
      try {
        const token = readSessionToken(c, config.secureCookies);
        if (token) {
          const found = await loadRequestActor(services, token);
          if (found) {
            actor = withPolicy(found.actor, services.policy);
            c.set('session', found.session);
            c.set('pendingFlash', found.flash);
          } else {
            clearSessionCookie(c, config.secureCookies);
          }
        }
        const scope = scopeOf(actor) ?? { kind: 'none' };
        request.setScope(scope);
        c.set('actor', actor);
        c.set('tx', (fn, s) => (request.open ? request.run(fn, s ?? scope) : services.db.scoped(s ?? scope, fn)));
        c.set('flash', async (message, tone = 'success') => {
          if (actor.sessionId) await sessions.update(actor.sessionId, { flash: JSON.stringify({ message, tone }) });
        });
        // A body (upload, form) is read after this point: do not hold the connection while it arrives.
        if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await request.checkpoint();
        else if (actor.user) {
          // What the page needs anyway (plugin gate, the bell's count) travels with the handler's first
          // query in the request's scope: no round trip of its own. `prefetch.settle()` waits for it.
          const prefetchers = [pluginHost.prefetchGate, ...services.requests.prefetchers];
          request.ride((tx) => Promise.all(prefetchers.map((prefetch) => prefetch(c, tx))));
          c.set('prefetch', { settle: () => request.settle(), hold: () => request.stopRiding() });
        }
        await next();
        failed = !!c.error && !(c.error instanceof HttpError && c.error.status < 500);
      } finally {
        await request.finish(!failed).catch((err: unknown) => {
          if (!failed) throw err;
        });
      }
      for (const observe of services.requests.observers) {
        const observed = { actor, route: c.get('route'), method: c.req.method, path: c.req.path, status: c.res.status };
        await observe(c, observed).catch((err: unknown) => c.get('log').error({ err, path: c.req.path }, 'request observer failed'));
      }
    });
  });
  app.use(pluginHost.requestGate);

  registry.denialHook = async (c, reason) => {
    const actor = c.get('actor');
    await services.audit.append({
      action: 'access.denied',
      outcome: 'denied',
      actorUserId: actor.user?.id,
      actorEmail: actor.user?.email,
      resellerId: actor.activeClinic?.resellerId ?? actor.user?.resellerId,
      clinicId: actor.activeClinic?.clinicId,
      actingFor: actor.supportGrant ? `suporte na base ${actor.activeClinic?.clinicId}` : null,
      target: `${c.req.method} ${c.req.path}`,
      ip: c.get('clientIp'),
      requestId: c.get('requestId'),
      details: { reason, dataClass: c.get('route')?.dataClass },
    });
  };

  registry.gateHook = async (c, meta) => {
    // A public route (the health check, the login page) may answer without a page: its queries do
    // not carry the page's prefetched reads (a page still gets them from the layout).
    if (meta.permission === 'public') c.get('prefetch').hold();
    for (const gate of services.requests.gates) {
      const response = await gate(c, meta);
      if (response) return response;
    }
    return undefined;
  };

  const router = new ScreenRouter(app, registry);
  staticAssetRoutes(router, services);
  healthRoutes(router, services);
  authRoutes(router, services);
  homeRoutes(router, services);
  notificationRoutes(router, services);
  const backups = new BackupService(services);
  backupRoutes(router, services, backups);
  jobRoutes(router, services);

  for (const module of modules) {
    for (const [name, rule] of Object.entries(module.permissions ?? {})) {
      services.policy.define(name, rule);
    }
  }
  for (const module of modules) {
    if (module.nav) services.ui.addNav(...module.nav);
    module.setup?.(services);
    module.routes?.(router, services);
  }
  pluginHost.mount(app, registry, router);

  app.notFound((c) => renderHttpError(c, new HttpError(404)));
  app.onError((error, c) => {
    if (error instanceof HttpError) return renderHttpError(c, error);
    if (error instanceof HTTPException && error.status === 403) return renderHttpError(c, new HttpError(403, 'csrf', { kind: 'csrf' }));
    if (error instanceof HTTPException && error.status === 413) return renderHttpError(c, new HttpError(413));
    if (isDatabaseUnavailable(error)) {
      (c.get('log') ?? log).warn({ err: error, path: c.req.path }, 'database unavailable');
      return renderUnavailable(c);
    }
    (c.get('log') ?? log).error({ err: error, path: c.req.path }, 'unhandled error');
    return renderServerError(c);
  });

  assertEveryRouteDeclared(app, registry);
  return { app, routes: registry, plugins: pluginHost, backups };
}

const noPrefetch = { settle: () => Promise.resolve(), hold: () => {} };

/** Paths that carry a secret (invitation tokens) are logged without it. */
export function redactPath(path: string): string {
  return path.replace(/^\/convite\/[^/]+/, '/convite/[token]');
}
