import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { AuditEntry } from '../audit/audit-log.ts';
import type { Clock } from '../clock/clock.ts';
import type { BulkRows, CopyIntoOptions } from '../db/bulk/copy-into.ts';
import type { BulkTarget } from '../db/bulk/bulk-target.ts';
import type { Db } from '../db/types.ts';
import type { RouteMeta } from '../http/route-meta.ts';
import type { NewNotification } from '../notifications/notifications.ts';
import type { Rule } from '../policy/policy.ts';
import type { NavEntry } from '../ui/nav-registry.ts';
import type { EventMap, EventName } from './plugin-events.ts';
import type { PluginEnv, PluginHandler, PluginScope } from './plugin-env.ts';
import type { Actor } from '../policy/actor.ts';
import type { SupportAccessPort } from '../policy/support-access-port.ts';
import type { JobKindOptions, JobRun as CoreJobRun, JobSchedule, JobsApi } from '../jobs/types.ts';
import type { Files } from '../uploads/file-store.ts';

/** What `export default definePlugin({...})` describes. */
export interface PluginDefinition<S extends z.ZodType = z.ZodType> {
  /** `[a-z][a-z0-9-]*`; routes live under `/p/<id>`, tables in Postgres schema `<id>` with '-' → '_'. */
  id: string;
  /** The plugin's own semver version. */
  version: string;
  /** pt-BR name shown to administrators. */
  displayName: string;
  /** One pt-BR sentence for the plugins page. */
  description?: string;
  /** Semver range of `@painel/core` this plugin works with, e.g. `^1.0.0`. */
  requires: { core: string };
  /** Absolute path of its drizzle-kit migrations folder (its own table `drizzle.__migrations_<id>`). */
  migrations?: { folder: string };
  /** Per-reseller settings; every field needs a default (`schema.parse({})` must succeed). */
  settings?: S;
  /** Phase 1 — declarative and synchronous: routes, nav, permissions, event handlers, jobs. */
  register(r: PluginRegistrar<z.output<S>>): void;
  /** Phase 2 — once the database is ready, before requests. A failure marks the plugin unavailable. */
  start?(ctx: PluginContext<z.output<S>>): void | Promise<void>;
  /** On shutdown, in reverse order. */
  stop?(ctx: PluginContext<z.output<S>>): void | Promise<void>;
}

/** A plugin definition whatever its settings type (lists of plugins, the host). */
export type AnyPlugin = PluginDefinition<any>;

/** The ScreenRouter API, mounted at `/p/<id>`: every route declares a permission and a data class. */
export interface PluginRouter {
  get(path: string, meta: RouteMeta, handler: PluginHandler): PluginRouter;
  post(path: string, meta: RouteMeta, handler: PluginHandler): PluginRouter;
  on(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, meta: RouteMeta, handler: PluginHandler): PluginRouter;
}

/** A navigation entry; `path` is relative to `/p/<id>` ('' or '/…'). */
export interface PluginNavEntry {
  label: string;
  path: string;
  permission: string;
  section: NavEntry['section'];
  order?: number;
}

/** A run of a plugin's job: payload, progress, signal, heartbeat (see core/src/jobs/types.ts). */
export type JobRun<P = unknown> = CoreJobRun<P>;

/** Where a plugin may add to every page: above the content (a banner) or in the header bar. */
export type PluginSlotName = 'banner' | 'header';

/** Something a plugin adds to every page, for the actors who pass `permission` (and `visible`). */
export interface PluginSlot<S = Record<string, unknown>> {
  /** A permission name (core's or the plugin's own); the part is drawn only for actors it allows. */
  permission: string;
  /** An extra test on the actor (e.g. only inside a base). */
  visible?: (actor: Actor) => boolean;
  /** The part itself (hono/jsx), or null for nothing on this page. Reads go through `c.get('tx')`. */
  render(c: Context<PluginEnv>, ctx: PluginContext<S>): Child | null | Promise<Child | null>;
}

export type PluginEventHandler<N extends EventName, S> = (
  payload: EventMap[N],
  ctx: PluginContext<S>,
) => void | Promise<void>;

/** A periodic job: `(ctx, run)`; `run.startedAt` is when this run was claimed. */
export type PluginJobHandler<S> = (ctx: PluginContext<S>, run: JobRun) => Promise<void>;

/** A job kind enqueued on demand with `ctx.jobs.enqueue(name, payload)`: `(run, ctx)`. */
export type PluginTaskHandler<S, P = any> = (run: JobRun<P>, ctx: PluginContext<S>) => Promise<void>;

/** Handed to `register`; every method throws once `register` has returned. */
export interface PluginRegistrar<S = Record<string, unknown>> {
  /** Routes under `/p/<id>`, through the same ScreenRouter API as core (permission + data class). */
  routes(mount: (router: PluginRouter, ctx: PluginContext<S>) => void): void;
  nav(entry: PluginNavEntry): void;
  /** A permission named `<id>:<name>`, decided by `rule` in core's policy module. */
  permission(name: string, rule: Rule): void;
  /**
   * Subscribes to a core event or to another plugin's `<pluginId>:<name>` (typed through PluginEvents).
   * A subscription to an event of a plugin that is not installed, or that the plugin does not
   * declare, stops the start with a PluginDefinitionError.
   */
  on<N extends EventName>(event: N, handler: PluginEventHandler<N, S>): void;
  /** Declares an event this plugin emits with `ctx.emit`: `<id>:<name>`, e.g. `fixture-plugin:note.created`. */
  event(name: string): void;
  /**
   * Adds to every page of the shell: a banner above the content or an item in the header bar, drawn
   * only for actors the permission (and `visible`) allows, while the plugin is on for their singular.
   */
  slot(where: PluginSlotName, slot: PluginSlot<S>): void;
  /**
   * A periodic job on the durable queue, run once per slot across all app instances:
   * `{ everyMinutes }` or `{ dailyAt: 'HH:MM', timeZone? }` (default America/Sao_Paulo). No retries
   * unless `options.retries`; a run still queued or running holds the next slot back.
   */
  job(name: string, schedule: JobSchedule, handler: PluginJobHandler<S>, options?: JobKindOptions): void;
  /**
   * A job kind run on demand: `ctx.jobs.enqueue(name, payload, options)` returns its id. The handler
   * gets `run` (payload, progress, signal, heartbeat) and the plugin context. Options are defaults
   * `enqueue` may override: timeoutMs (30 min), retries (2), backoffMs (30 s, doubled per retry).
   */
  task<P = any>(name: string, handler: PluginTaskHandler<S, P>, options?: JobKindOptions): void;
}

/** The narrow view of core a plugin gets (start, stop, event handlers, jobs and route handlers). */
export interface PluginContext<S = Record<string, unknown>> {
  readonly pluginId: string;
  /** Its own Postgres schema name and the tenant-scoped transaction helper (RLS settings applied). */
  readonly db: { readonly schema: string; scoped: PluginContext<S>['scoped']; copyInto: PluginContext<S>['copyInto'] };
  /**
   * One transaction as the app role with the scope's row-level-security settings. Platform scope is
   * refused here (a PluginScopeError): ask for it with `platformScoped`.
   */
  scoped<T>(scope: PluginScope, fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * The one way for a plugin to see every tenant's rows: one platform-scope transaction that first
   * appends an audit entry (`plugin.platform_scope`) naming the plugin and `reason` (pt-BR, shown on
   * the audit screen). For jobs and demo data that must find work across singulares.
   */
  platformScoped<T>(reason: string, fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Bulk load: streams `rows` (arrays of values in the order of `columns`) into `table` of the plugin's
   * own schema (a Drizzle table or its name; any other schema is refused) inside `tx` — a transaction
   * of `scoped`/`platformScoped` or a route's `c.get('tx')` — and returns the number of rows loaded.
   * PostgreSQL: COPY FROM STDIN into a temporary staging table with back-pressure, then
   * `insert … select` into the table as the request role, so row-level security checks every row.
   * PGlite: batched `insert … select from unnest(…)`. Memory stays flat (one batch at most). A refused
   * value or row throws a BulkLoadError (pt-BR) and the transaction undoes the whole load. One load at
   * a time per transaction.
   */
  copyInto(tx: Db, table: BulkTarget, columns: readonly string[], rows: BulkRows, options?: CopyIntoOptions): Promise<number>;
  /**
   * Support-access grants (the LGPD access a clinic gives the vendor's support), or null when no module
   * implements them in this installation. Its methods run inside the caller's `tx`.
   */
  supportAccess(): SupportAccessPort | null;
  /** The hash-chained audit log; entries are tagged with the plugin id. Pass `tx` to commit with the change. */
  readonly audit: { append(entry: AuditEntry, tx?: Db): Promise<number> };
  readonly notifications: { notify(tx: Db, items: NewNotification[]): Promise<void> };
  /** pino child logger tagged `{ plugin: <id> }`. */
  readonly log: Logger;
  readonly clock: Clock;
  /**
   * The plugin's own files under `DATA_DIR/files/<id>/`: keep an upload (`keep(file)`), write one
   * (`put(stream)`), read it back as a stream, delete it (retention), list sizes and dates. Files are
   * named by random ids; record what they are in your own tables.
   */
  readonly files: Files;
  /** This reseller's settings, validated with the plugin's schema, defaults applied. */
  settings(resellerId: number, tx?: Db): Promise<S>;
  /** Validates (throws a ZodError on bad input) and stores this reseller's settings inside `tx`. */
  saveSettings(tx: Db, resellerId: number, value: unknown, byUserId?: number | null): Promise<S>;
  /**
   * The plugin's durable jobs (kinds declared with `r.task`/`r.job`): enqueue with a payload, read
   * state and progress, cancel. Only this plugin's jobs are visible here.
   */
  readonly jobs: JobsApi;
  /** Is the plugin turned on for this reseller? (Default: yes.) */
  isEnabled(resellerId: number, tx?: Db): Promise<boolean>;
  /**
   * Emits one of the plugin's declared events (`r.event`) to its subscribers (other plugins), once the
   * change is written (after the write's `tx` call, as core does; inside a request the subscribers'
   * writes join the request's transaction). Handlers run one after the other; a failing one is
   * logged. Best effort, in-process: not an outbox.
   */
  emit<N extends EventName>(event: N, payload: EventMap[N]): Promise<void>;
}
