import type { Logger } from 'pino';
import type { SessionRecord } from '../auth/sessions.ts';
import type { Db, TenantScope } from '../db/types.ts';
import type { Actor } from '../policy/actor.ts';
import type { CoreServices } from '../app/services.ts';
import type { RouteMeta } from './route-meta.ts';
import type { UploadForm } from '../uploads/upload-form.ts';

/** What every request carries (Hono context variables). */
export interface AppVariables {
  requestId: string;
  secureHeadersNonce?: string;
  log: Logger;
  services: CoreServices;
  actor: Actor;
  /** The valid session behind the actor (null when nobody is signed in). */
  session: SessionRecord | null;
  /** The route's declared metadata (permission, data class); set by the route guard. */
  route: RouteMeta | undefined;
  /** Runs `fn` in one transaction with the actor's row-level-security scope. */
  tx: <T>(fn: (tx: Db) => Promise<T>, scope?: TenantScope) => Promise<T>;
  /**
   * The reads every page needs (plugin gate, the bell's count), which travel with the request's first
   * query: `settle()` waits for them, running them now if no query carried them (the layout awaits it
   * before rendering); `hold()` keeps them off the queries of a route that may not need them (a
   * public route: the health check), so only `settle()` runs them.
   */
  prefetch: { settle(): Promise<void>; hold(): void };
  /** A flash message shown on the next page this session sees. */
  flash: (message: string, tone?: FlashTone) => Promise<void>;
  /** Flash consumed for this request (shown once). */
  pendingFlash: Flash | null;
  clientIp: string | null;
  /** On routes that declare `upload` limits: streams the body to temp files (use `receiveUpload(c)`). */
  receiveUpload?: () => Promise<UploadForm>;
}

export type FlashTone = 'success' | 'error' | 'info';
export interface Flash {
  message: string;
  tone: FlashTone;
}

export interface AppEnv {
  Variables: AppVariables;
}
