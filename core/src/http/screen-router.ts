import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { decideDataClass, type PolicyRegistry } from '../policy/policy.ts';
import { isDataClass } from '../policy/data-class.ts';
import type { AppEnv } from './env.ts';
import { HttpError } from './http-error.ts';
import { rejectNulInput } from './nul-guard.ts';
import { defaultMaxBodyBytes, type RouteMeta } from './route-meta.ts';
import { assertUploadLimits, uploadBodyBound } from '../uploads/upload-limits.ts';
import { uploadScope } from '../uploads/upload-scope.ts';

export type Handler = (c: Context<AppEnv>) => Response | Promise<Response>;
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RegisteredRoute {
  method: Method;
  path: string;
  meta: RouteMeta;
}

/** Hook run when the route guard refuses a request (core audits the denial). */
export type DenialHook = (c: Context<AppEnv>, reason: string) => Promise<void>;

/** Hook run by the route guard before the policy decision; a Response ends the request (module gates). */
export type GateHook = (c: Context<AppEnv>, meta: RouteMeta) => Promise<Response | undefined>;

/**
 * Registers routes together with their metadata (permission + data class) and puts the policy guard
 * in front of each handler. A route registered any other way has no metadata, and the app refuses
 * to start (see `assertEveryRouteDeclared`).
 */
export class ScreenRouter {
  constructor(
    private readonly app: Hono<AppEnv>,
    private readonly registry: RouteRegistry,
    private readonly basePath = '',
    private readonly extraGuards: MiddlewareHandler<AppEnv>[] = [],
  ) {}

  /** Is `permission` defined in this app's policy? */
  knows(permission: string): boolean {
    return this.registry.policy.has(permission);
  }

  get(path: string, meta: RouteMeta, handler: Handler): this {
    return this.on('GET', path, meta, handler);
  }
  post(path: string, meta: RouteMeta, handler: Handler): this {
    return this.on('POST', path, meta, handler);
  }

  on(method: Method, path: string, meta: RouteMeta, handler: Handler): this {
    if (!meta || !isDataClass(meta.dataClass)) {
      throw new Error(`Route ${method} ${this.basePath}${path} has no valid data class (general | personal | ehr)`);
    }
    if (!this.knows(meta.permission)) {
      throw new Error(`Route ${method} ${this.basePath}${path} uses unknown permission "${meta.permission}"`);
    }
    const fullPath = `${this.basePath}${path}` || '/';
    this.registry.add({ method, path: fullPath, meta });
    if (meta.upload) assertUploadLimits(`${method} ${fullPath}`, meta.upload);
    const limit = meta.maxBodyBytes ?? defaultMaxBodyBytes;
    // An upload route streams its body (receiveUpload): nothing may read it whole before the handler.
    // A GET has no body to limit (and asking for one builds the whole fetch Request: ~3% of a page).
    const body = meta.upload
      ? [uploadScope(meta.upload)]
      : method === 'GET'
        ? [rejectNulInput]
        : [
          bodyLimit({
            maxSize: limit,
            onError: () => {
              throw new HttpError(413, undefined, { kind: String(limit) });
            },
          }),
          rejectNulInput,
        ];
    this.app.on(method, fullPath, routeGuard(meta, this.registry), ...body, ...this.extraGuards, handler);
    return this;
  }
}

/** One app's routes, the policy they are checked with, and the guard's hooks. */
export class RouteRegistry {
  constructor(readonly policy: PolicyRegistry) {}
  readonly routes: RegisteredRoute[] = [];
  denialHook: DenialHook | undefined;
  gateHook: GateHook | undefined;
  add(route: RegisteredRoute): void {
    this.routes.push(route);
  }
  has(method: string, path: string): boolean {
    return this.routes.some((r) => r.method === method && r.path === path);
  }
}

function routeGuard(meta: RouteMeta, registry: RouteRegistry): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('route', meta);
    const declared = Number(c.req.header('content-length') ?? '0');
    if (meta.upload ? declared > uploadBodyBound(meta.upload) : declared > (meta.maxBodyBytes ?? defaultMaxBodyBytes)) {
      throw new HttpError(413, undefined, { kind: String(meta.upload?.maxFileBytes ?? meta.maxBodyBytes ?? defaultMaxBodyBytes) });
    }
    const gated = await registry.gateHook?.(c, meta);
    if (gated) return gated;
    const actor = c.get('actor');
    const decision = registry.policy.decide(actor, meta.permission);
    const classDecision = decision.kind === 'allow' ? decideDataClass(actor, meta.dataClass) : decision;
    switch (classDecision.kind) {
      case 'allow':
        return next();
      case 'login': {
        const target = c.req.method === 'GET' ? `?next=${encodeURIComponent(c.req.path)}` : '';
        return c.redirect(`/login${target}`, 303);
      }
      case 'not_found':
        await registry.denialHook?.(c, 'not_found');
        throw new HttpError(404);
      case 'forbidden':
        await registry.denialHook?.(c, classDecision.reason);
        throw new HttpError(403, classDecision.reason, { kind: classDecision.reason === 'ehr' ? 'ehr' : 'policy' });
    }
  };
}

/** Start-up check: every route the app answers must have been registered with metadata. */
export function assertEveryRouteDeclared(app: Hono<AppEnv>, registry: RouteRegistry): void {
  const missing = app.routes
    .filter((r) => r.method !== 'ALL')
    .filter((r) => !registry.has(r.method, r.path))
    .map((r) => `${r.method} ${r.path}`);
  if (missing.length > 0) {
    throw new Error(`Routes without a declared data class/permission (refusing to start): ${[...new Set(missing)].join(', ')}`);
  }
}
