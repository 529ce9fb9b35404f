import type { z } from 'zod';
import type { CoreServices } from '../app/services.ts';
import { copyInto as bulkCopyInto } from '../db/bulk/copy-into.ts';
import type { Db } from '../db/types.ts';
import { pluginSchemaName } from './define-plugin.ts';
import { readPluginRow, storePluginSettings } from './enablement.ts';
import { assertPluginScope, type PluginScope } from './plugin-env.ts';
import type { AnyPlugin, PluginContext } from './plugin-types.ts';

/** Largest `reason` kept in the audit entry of `platformScoped`. */
const maxReasonLength = 200;

/** Builds the narrow context a plugin receives; nothing else of core's services leaks through it. */
export function createPluginContext(services: CoreServices, plugin: AnyPlugin, emits: readonly string[] = []): PluginContext<any> {
  const { db, audit, notifications, clock } = services;
  const id = plugin.id;
  const schema = plugin.settings as z.ZodType | undefined;
  const log = services.log.child({ plugin: id });
  const scoped = async <T>(scope: PluginScope, fn: (tx: Db) => Promise<T>): Promise<T> => {
    assertPluginScope(id, scope);
    return db.scoped(scope, fn);
  };
  const platformScoped = async <T>(reason: string, fn: (tx: Db) => Promise<T>): Promise<T> => {
    const why = typeof reason === 'string' ? reason.trim().slice(0, maxReasonLength) : '';
    if (!why) throw new TypeError(`O plugin "${id}" pediu o escopo de plataforma sem dizer o motivo.`);
    return db.scoped({ kind: 'platform' }, async (tx) => {
      await audit.append({ action: 'plugin.platform_scope', target: `plugin ${id}`, details: { plugin: id, reason: why } }, tx);
      return fn(tx);
    });
  };
  const ownSchema = pluginSchemaName(id);
  const copyInto: PluginContext<any>['copyInto'] = (tx, table, columns, rows, options) =>
    bulkCopyInto(db.driver, ownSchema, tx, table, columns, rows, options);
  /** Reading one reseller's row on its own: the reseller scope is the narrowest that can see it. */
  const inReseller = <T>(resellerId: number, tx: Db | undefined, fn: (tx: Db) => Promise<T>): Promise<T> =>
    tx ? fn(tx) : db.scoped({ kind: 'reseller', resellerId }, fn);

  const parseSettings = (raw: unknown) => {
    if (!schema) return {};
    const parsed = schema.safeParse(raw ?? {});
    if (parsed.success) return parsed.data;
    log.warn({ issues: parsed.error.issues }, 'stored plugin settings are invalid; using defaults');
    return schema.parse({});
  };

  return Object.freeze({
    pluginId: id,
    db: Object.freeze({ schema: ownSchema, scoped, copyInto }),
    scoped,
    platformScoped,
    copyInto,
    supportAccess: () => services.supportAccess.port,
    audit: {
      append: (entry, tx) => audit.append({ ...entry, details: { ...(entry.details ?? {}), plugin: id } }, tx),
    },
    notifications: { notify: (tx, items) => notifications.notify(tx, items) },
    log,
    clock,
    files: services.uploads.store(id),
    settings: (resellerId, tx) => inReseller(resellerId, tx, async (t) => parseSettings((await readPluginRow(t, resellerId, id))?.settings)),
    saveSettings: async (tx, resellerId, value, byUserId = null) => {
      const settings = (schema ? schema.parse(value) : {}) as Record<string, unknown>;
      await storePluginSettings(tx, { resellerId, pluginId: id, settings, userId: byUserId, now: clock.now() });
      return settings;
    },
    jobs: (({ enqueue, get, cancel }) => Object.freeze({ enqueue, get, cancel }))(services.jobs.for(id)),
    emit: async (event, payload) => {
      if (!emits.includes(event)) {
        throw new TypeError(`O plugin "${id}" emitiu "${event}", que não declarou: declare-o em register() com r.event('${id}:<nome>').`);
      }
      const resellerId = (payload as { resellerId?: unknown } | null)?.resellerId;
      if (!Number.isInteger(resellerId)) throw new TypeError(`O evento "${event}" precisa de resellerId (a singular a que se refere).`);
      await services.events.emit(event, payload);
    },
    isEnabled: (resellerId, tx) => inReseller(resellerId, tx, async (t) => (await readPluginRow(t, resellerId, id))?.enabled ?? true),
  } satisfies PluginContext<any>);
}
