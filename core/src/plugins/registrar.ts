import type { Rule } from '../policy/policy.ts';
import { PluginDefinitionError } from './define-plugin.ts';
import { type EventName, isEventName, pluginEventParts } from './plugin-events.ts';
import { pluginSlotNames } from './plugin-slots.ts';
import type { PluginContext, PluginNavEntry, PluginRegistrar, PluginRouter, PluginSlot, PluginSlotName } from './plugin-types.ts';
import { scheduleProblem } from '../jobs/schedule.ts';
import type { JobKindOptions, JobRun, JobSchedule } from '../jobs/types.ts';

type AnyContext = PluginContext<any>;

/** What a plugin declared in `register` (phase 1), applied by the host. */
export interface PluginDeclarations {
  routes: ((router: PluginRouter, ctx: AnyContext) => void)[];
  nav: PluginNavEntry[];
  permissions: { name: string; rule: Rule }[];
  events: { event: EventName; handler: (payload: any, ctx: AnyContext) => void | Promise<void> }[];
  /** Events this plugin emits (`<id>:<name>`). */
  emits: string[];
  slots: { where: PluginSlotName; slot: PluginSlot<any> }[];
  /** Periodic jobs (`r.job`). */
  jobs: { name: string; schedule: JobSchedule; options: JobKindOptions; handler: (ctx: AnyContext, run: JobRun) => Promise<void> }[];
  /** On-demand job kinds (`r.task`). */
  tasks: { name: string; options: JobKindOptions; handler: (run: JobRun<any>, ctx: AnyContext) => Promise<void> }[];
}

const jobNamePattern = /^[a-z][a-z0-9-]*$/;
const sections = new Set(['main', 'clinic', 'admin', 'user']);

/**
 * Runs a plugin's `register` against a recording registrar, then seals it: a registrar method
 * called afterwards (from `start`, a handler, a timer) throws.
 */
export function collectDeclarations(id: string, register: (r: PluginRegistrar<any>) => void): PluginDeclarations {
  const declared: PluginDeclarations = { routes: [], nav: [], permissions: [], events: [], emits: [], slots: [], jobs: [], tasks: [] };
  let sealed = false;
  const fail = (reason: string): never => {
    throw new PluginDefinitionError(`Plugin "${id}": ${reason}`);
  };
  const open = (method: string) => {
    if (sealed) fail(`r.${method}() chamado depois de register(): o registro só vale durante register().`);
  };
  const relativePath = (path: string, what: string) => {
    if (typeof path !== 'string' || (path !== '' && !path.startsWith('/'))) {
      fail(`${what} "${path}" deve ser '' ou começar com '/' (é relativo a /p/${id}).`);
    }
  };

  const jobName = (name: string) => {
    if (typeof name !== 'string' || !jobNamePattern.test(name)) fail(`o nome da tarefa "${name}" deve seguir [a-z][a-z0-9-]*.`);
    if (declared.jobs.some((j) => j.name === name) || declared.tasks.some((j) => j.name === name)) {
      fail(`a tarefa "${name}" foi declarada duas vezes.`);
    }
  };

  const registrar: PluginRegistrar<any> = {
    routes(mount) {
      open('routes');
      if (typeof mount !== 'function') fail('r.routes() espera uma função (router, ctx) => { … }.');
      declared.routes.push(mount);
    },
    nav(entry) {
      open('nav');
      relativePath(entry?.path, 'o caminho do menu');
      if (!entry.label?.trim()) fail('um item de menu precisa de label.');
      if (!sections.has(entry.section)) fail(`seção de menu desconhecida "${entry.section}" (main, clinic, admin, user).`);
      if (typeof entry.permission !== 'string') fail(`o item de menu "${entry.label}" precisa de uma permissão.`);
      declared.nav.push({ ...entry });
    },
    permission(name, rule) {
      open('permission');
      const local = typeof name === 'string' && name.startsWith(`${id}:`) ? name.slice(id.length + 1) : '';
      if (!/^[a-z][a-z0-9._-]*$/.test(local)) fail(`a permissão "${name}" deve ter o prefixo do plugin: "${id}:<nome>".`);
      if (declared.permissions.some((p) => p.name === name)) fail(`a permissão "${name}" foi declarada duas vezes.`);
      if (typeof rule !== 'function') fail(`a permissão "${name}" precisa de uma regra (actor, recurso) => decisão.`);
      declared.permissions.push({ name, rule });
    },
    on(event, handler) {
      open('on');
      if (!isEventName(event)) fail(`evento desconhecido "${String(event)}" (eventos do núcleo, ou "<plugin>:<nome>" de um plugin).`);
      if (typeof handler !== 'function') fail(`a assinatura de "${event}" precisa de uma função.`);
      declared.events.push({ event, handler });
    },
    event(name) {
      open('event');
      const parts = pluginEventParts(name);
      if (!parts || parts.pluginId !== id) fail(`o evento "${name}" deve ter o prefixo do plugin: "${id}:<nome>".`);
      if (declared.emits.includes(name)) fail(`o evento "${name}" foi declarado duas vezes.`);
      declared.emits.push(name);
    },
    slot(where, slot) {
      open('slot');
      if (!pluginSlotNames.includes(where)) fail(`lugar desconhecido "${String(where)}" (${pluginSlotNames.join(', ')}).`);
      if (typeof slot?.permission !== 'string') fail(`o item "${where}" precisa de uma permissão.`);
      if (typeof slot.render !== 'function') fail(`o item "${where}" precisa de render(c, ctx).`);
      if (slot.visible !== undefined && typeof slot.visible !== 'function') fail(`visible do item "${where}" deve ser uma função (actor) => boolean.`);
      declared.slots.push({ where, slot });
    },
    job(name, schedule, handler, options = {}) {
      open('job');
      jobName(name);
      const problem = scheduleProblem(schedule);
      if (problem) fail(`a tarefa "${name}" ${problem}.`);
      if (typeof handler !== 'function') fail(`a tarefa "${name}" precisa de uma função (ctx, run) => Promise<void>.`);
      declared.jobs.push({ name, schedule: { ...schedule }, options: { ...options }, handler });
    },
    task(name, handler, options = {}) {
      open('task');
      jobName(name);
      if (typeof handler !== 'function') fail(`a tarefa "${name}" precisa de uma função (run, ctx) => Promise<void>.`);
      declared.tasks.push({ name, options: { ...options }, handler });
    },
  };

  const result = register(registrar) as unknown;
  sealed = true;
  if (result instanceof Promise) {
    result.catch(() => {});
    fail('register() deve ser síncrono (use start() para trabalho assíncrono).');
  }
  return declared;
}
