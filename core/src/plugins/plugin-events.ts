import type { CoreEvents } from './core-events.ts';
import { isCoreEventName } from './core-events.ts';

/**
 * Events plugins declare (`r.event('<id>:<name>')`) and emit (`ctx.emit`), by name → payload. Empty in
 * core: a plugin adds its own with a declaration merge, so emitters and subscribers are typed:
 *
 *   declare module '@painel/core/plugin' {
 *     interface PluginEvents { 'migracao:import.finished': { resellerId: number; rows: number } }
 *   }
 *
 * Every payload names its reseller (a plugin turned off for that reseller does not receive it).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PluginEvents {}

/** Every event a plugin may subscribe to: core's and the installed plugins'. */
export type EventMap = CoreEvents & PluginEvents;
export type EventName = keyof EventMap & string;

/** What every plugin event payload carries. */
export interface PluginEventPayload {
  resellerId: number;
}

const localName = /^[a-z][a-z0-9._-]*$/;

/** `<pluginId>:<name>` split into its parts, or null when the name is not a plugin event's. */
export function pluginEventParts(name: string): { pluginId: string; local: string } | null {
  if (typeof name !== 'string') return null;
  const at = name.indexOf(':');
  if (at <= 0) return null;
  const pluginId = name.slice(0, at);
  const local = name.slice(at + 1);
  return /^[a-z][a-z0-9-]*$/.test(pluginId) && localName.test(local) ? { pluginId, local } : null;
}

/** Is `name` an event a subscription may name (a core event or a plugin's `<id>:<name>`)? */
export function isEventName(name: string): boolean {
  return isCoreEventName(name) || pluginEventParts(name) !== null;
}
