import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { CoreServices } from '../app/services.ts';
import type { Db } from '../db/types.ts';
import type { AppEnv } from '../http/env.ts';
import { HttpError } from '../http/http-error.ts';
import { type RouteRegistry, ScreenRouter } from '../http/screen-router.ts';
import type { Actor } from '../policy/actor.ts';
import { coreVersion } from './core-version.ts';
import { assertCoreCompatible, PluginDefinitionError, pluginBasePath } from './define-plugin.ts';
import { disabledPluginIds, resellerContextOf } from './enablement.ts';
import { pluginAdminRoutes } from './admin/plugin-admin-routes.tsx';
import { resellerModulesRoutes } from './admin/reseller-modules-routes.tsx';
import { createPluginContext } from './plugin-context.ts';
import { pluginRouter } from './plugin-router.ts';
import type { AnyPlugin } from './plugin-types.ts';
import { collectDeclarations, type PluginDeclarations } from './registrar.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { pluginEventParts } from './plugin-events.ts';
import { mountSlot } from './plugin-slots.ts';
import type { HostedPlugin, PluginCatalogue } from './hosted-plugin.ts';

export type { HostedPlugin, PluginHealth } from './hosted-plugin.ts';

const startTimeoutMs = 30_000;
const nothingDisabled: ReadonlySet<string> = new Set();

const message = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 300);

/**
 * Hosts the configured plugins: phase 1 (`register`, at construction: declarations only), mounting
 * (permissions, routes under /p/<id> through ScreenRouter, nav, event subscriptions), phase 2
 * (`start`, in configuration order; a failure isolates that plugin) and `stop` in reverse order.
 * Also decides, per request, which plugins the actor's reseller turned off.
 */
export class PluginHost implements PluginCatalogue {
  readonly plugins: readonly HostedPlugin[];
  /** The app's job queue (services.jobs), where the plugins' kinds are defined. */
  readonly scheduler: JobQueue;
  readonly #byId = new Map<string, HostedPlugin>();
  /** Plugins disabled for the reseller of each request's actor (filled by `requestGate`). */
  readonly #gate = new WeakMap<Actor, ReadonlySet<string>>();
  #unsubscribe: (() => void)[] = [];
  #mounted = false;

  constructor(
    private readonly services: CoreServices,
    definitions: readonly AnyPlugin[],
    reservedIds: readonly string[] = [],
  ) {
    const hosted: HostedPlugin[] = [];
    for (const definition of definitions) {
      const id = definition.id;
      if (reservedIds.includes(id)) {
        throw new PluginDefinitionError(`O plugin "${id}" usa o id de um módulo interno: escolha outro id.`);
      }
      if (this.#byId.has(id)) throw new PluginDefinitionError(`O plugin "${id}" foi configurado duas vezes.`);
      assertCoreCompatible(definition, coreVersion);
      let declarations: PluginDeclarations;
      try {
        declarations = collectDeclarations(id, (r) => definition.register(r));
      } catch (error) {
        if (error instanceof PluginDefinitionError) throw error;
        throw new PluginDefinitionError(`O plugin "${id}" falhou em register(): ${message(error)}`);
      }
      const plugin: HostedPlugin = {
        definition,
        declarations,
        context: createPluginContext(services, definition, declarations.emits),
        health: { state: 'registered', since: services.clock.now() },
      };
      hosted.push(plugin);
      this.#byId.set(id, plugin);
    }
    this.plugins = hosted;
    for (const plugin of hosted) this.#checkSubscriptions(plugin);
    this.scheduler = services.jobs;
    for (const plugin of hosted) this.#defineJobs(plugin);
  }

  /** The plugin's job kinds, on the app's queue under its id; they run only while it is started. */
  #defineJobs(plugin: HostedPlugin): void {
    const { definition, declarations, context } = plugin;
    const runnable = () => plugin.health.state === 'started';
    try {
      for (const job of declarations.jobs) {
        this.services.jobs.defineFor(definition.id, job.name, (run) => job.handler(context, run), { ...job.options, schedule: job.schedule, runnable });
      }
      for (const task of declarations.tasks) {
        this.services.jobs.defineFor(definition.id, task.name, (run) => task.handler(run, context), { ...task.options, runnable });
      }
    } catch (error) {
      throw new PluginDefinitionError(`O plugin "${definition.id}": ${message(error)}`);
    }
  }

  /** A subscription to another plugin's event needs that plugin installed and the event declared. */
  #checkSubscriptions(plugin: HostedPlugin): void {
    const id = plugin.definition.id;
    for (const { event } of plugin.declarations.events) {
      const parts = pluginEventParts(event);
      if (!parts) continue;
      const owner = this.#byId.get(parts.pluginId);
      if (!owner) {
        throw new PluginDefinitionError(
          `O plugin "${id}" assina o evento "${event}", mas o plugin "${parts.pluginId}" não está instalado: instale-o (variável PLUGINS) ou remova a assinatura.`,
        );
      }
      if (!owner.declarations.emits.includes(event)) {
        throw new PluginDefinitionError(`O plugin "${id}" assina o evento "${event}", que o plugin "${parts.pluginId}" não declara (r.event).`);
      }
    }
  }

  get(id: string): HostedPlugin | undefined {
    return this.#byId.get(id);
  }

  /**
   * Middleware (after the actor is known): loads the plugins the actor's reseller turned off, so nav
   * entries and plugin routes can be hidden for this request. One small query, only with plugins.
   */
  readonly requestGate: MiddlewareHandler<AppEnv> = async (c, next) => {
    // A GET's gate is loaded with the request's prefetched reads (with its first query).
    const prefetching = c.req.method === 'GET' || c.req.method === 'HEAD';
    if (this.plugins.length > 0 && !prefetching && !c.req.path.startsWith('/assets/')) await this.#loadGate(c);
    return next();
  };

  /** May this actor see the plugin right now? (Started, and not turned off for its reseller.) */
  isAvailable(actor: Actor, id: string): boolean {
    const plugin = this.#byId.get(id);
    if (!plugin || plugin.health.state !== 'started') return false;
    const disabled = this.#gate.get(actor);
    if (disabled) return !disabled.has(id);
    return resellerContextOf(actor) === null;
  }

  /** Adds the plugins page, then each plugin's permissions, routes, nav entries and event handlers. */
  mount(app: Hono<AppEnv>, registry: RouteRegistry, coreRouter: ScreenRouter): void {
    if (this.#mounted) throw new Error('PluginHost.mount() called twice');
    this.#mounted = true;
    pluginAdminRoutes(coreRouter, this.services, this);
    resellerModulesRoutes(coreRouter, this.services, this);
    for (const plugin of this.plugins) {
      for (const { name, rule } of plugin.declarations.permissions) {
        this.services.policy.define(name, rule);
      }
    }
    for (const plugin of this.plugins) this.#mountOne(app, registry, plugin);
  }

  #mountOne(app: Hono<AppEnv>, registry: RouteRegistry, plugin: HostedPlugin): void {
    const { definition, declarations, context } = plugin;
    const id = definition.id;
    const base = pluginBasePath(id);
    const router = pluginRouter(id, new ScreenRouter(app, registry, base, [this.#availabilityGuard(plugin)]));
    for (const mount of declarations.routes) {
      try {
        mount(router, context);
      } catch (error) {
        throw new PluginDefinitionError(`O plugin "${id}" não pôde ser montado: ${message(error)}`);
      }
    }
    for (const entry of declarations.nav) {
      if (!this.services.policy.has(entry.permission)) {
        throw new PluginDefinitionError(`O plugin "${id}": o item de menu "${entry.label}" usa a permissão desconhecida "${entry.permission}".`);
      }
      this.services.ui.addNav({
        label: entry.label,
        href: entry.path === '/' ? base : `${base}${entry.path}`,
        permission: entry.permission,
        section: entry.section,
        ...(entry.order !== undefined ? { order: entry.order } : {}),
        visible: ({ actor }) => this.isAvailable(actor, id),
      });
    }
    for (const { where, slot } of declarations.slots) {
      if (!this.services.policy.has(slot.permission)) {
        throw new PluginDefinitionError(`O plugin "${id}": o item "${where}" usa a permissão desconhecida "${slot.permission}".`);
      }
      mountSlot(this.services.ui, id, where, slot, context, (actor) => this.isAvailable(actor, id));
    }
    for (const { event, handler } of declarations.events) {
      this.#unsubscribe.push(
        this.services.events.on(event, id, async (payload) => {
          if (plugin.health.state !== 'started') return;
          if (!(await context.isEnabled(payload.resellerId))) return;
          await handler(payload, context);
        }),
      );
    }
  }

  /** Phase 2: each plugin's `start(ctx)`, in configuration order. A failure is logged and isolated. */
  async start(): Promise<void> {
    for (const plugin of this.plugins) {
      const { definition, context } = plugin;
      try {
        if (definition.start) await withTimeout(Promise.resolve(definition.start(context)), startTimeoutMs);
        plugin.health = { state: 'started', since: this.services.clock.now() };
        context.log.info({ version: definition.version }, 'plugin started');
      } catch (error) {
        plugin.health = { state: 'failed', since: this.services.clock.now(), error: message(error) };
        context.log.error({ err: error }, 'plugin failed to start');
      }
    }
  }

  /** Stops the job queue, unsubscribes, then each started plugin's `stop(ctx)` in reverse order. */
  async stop(): Promise<void> {
    await this.scheduler.stop();
    for (const off of this.#unsubscribe.splice(0)) off();
    for (const plugin of [...this.plugins].reverse()) {
      if (plugin.health.state !== 'started') continue;
      plugin.health = { state: 'stopped', since: this.services.clock.now() };
      try {
        await plugin.definition.stop?.(plugin.context);
      } catch (error) {
        plugin.context.log.error({ err: error }, 'plugin failed to stop');
      }
    }
  }

  /** Loads the gate in the caller's transaction call (the request's prefetch). */
  readonly prefetchGate = async (c: Context<AppEnv>, tx: Db): Promise<void> => {
    if (this.plugins.length > 0) await this.#loadGate(c, tx);
  };

  async #loadGate(c: Context<AppEnv>, tx?: Db): Promise<ReadonlySet<string>> {
    const known = this.#gate.get(c.get('actor'));
    if (known) return known;
    const actor = c.get('actor');
    const resellerId = resellerContextOf(actor);
    const disabled =
      resellerId === null
        ? nothingDisabled
        : tx
          ? await disabledPluginIds(tx, resellerId)
          : await c.get('tx')((t) => disabledPluginIds(t, resellerId));
    this.#gate.set(actor, disabled);
    return disabled;
  }

  /** Runs after the policy guard on every plugin route: unavailable → 503, turned off → 404. */
  #availabilityGuard(plugin: HostedPlugin): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      if (plugin.health.state !== 'started') {
        throw new HttpError(503, `O módulo "${plugin.definition.displayName}" está indisponível no momento. Tente novamente em alguns minutos.`, {
          title: 'Módulo indisponível',
        });
      }
      await c.get('prefetch').settle();
      const disabled = this.#gate.get(c.get('actor')) ?? (await this.#loadGate(c));
      if (disabled.has(plugin.definition.id)) throw new HttpError(404);
      await next();
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`start() não terminou em ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
