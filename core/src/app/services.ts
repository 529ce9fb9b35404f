import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit-log.ts';
import type { LoginThrottle } from '../auth/login-throttle.ts';
import type { SupportGrantLookup } from '../auth/request-actor.ts';
import type { SessionStore } from '../auth/sessions.ts';
import type { Clock } from '../clock/clock.ts';
import type { Config } from '../config/env.ts';
import type { Database } from '../db/types.ts';
import type { RequestHooks } from '../http/request-hooks.ts';
import type { Notifications } from '../notifications/notifications.ts';
import type { EventBus } from '../plugins/event-bus.ts';
import type { PolicyRegistry } from '../policy/policy.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { SupportAccessSlot } from '../policy/support-access-port.ts';
import type { UiRegistry } from '../ui/ui-registry.ts';
import type { UploadArea } from '../uploads/upload-area.ts';

/** Everything core offers to handlers and modules; created once per app instance. */
export interface CoreServices {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  sessions: SessionStore;
  throttle: LoginThrottle;
  audit: AuditLog;
  notifications: Notifications;
  ui: UiRegistry;
  /** This app's permissions: core's plus its modules' and plugins'. */
  policy: PolicyRegistry;
  /** Per-request gates and observers contributed by modules (e.g. the support-access log). */
  requests: RequestHooks;
  /** Core's typed events (clinic.created, grant.started, …); emit after the change commits. */
  events: EventBus;
  /**
   * Durable jobs: `define(kind, handler, options)` and `enqueue/get/cancel` for core's own jobs,
   * `for(owner)` for a module's; plugins get theirs as `ctx.jobs`.
   */
  jobs: JobQueue;
  /** Support-access grants, installed by the module that implements them (null until then). */
  supportAccess: SupportAccessSlot;
  /** Streamed uploads' temp area and the packages' file stores, under DATA_DIR. */
  uploads: UploadArea;
  /** How the actor of a request is completed by modules (support grants), per app. */
  actorHooks: { supportGrant: SupportGrantLookup | undefined };
}
