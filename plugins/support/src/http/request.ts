import { type BusinessCalendar, type Db, HttpError, type PluginContext, type PluginEnv } from '@painel/core/plugin';
import type { Context } from 'hono';
import { calendarOf, type SupportSettings } from '../settings/settings-schema.ts';
import type { Author } from '../tickets/ticket-store.ts';
import { ticketScope } from '../tickets/ticket-access.ts';

export type SupportContext = PluginContext<SupportSettings>;
export type Ctx = Context<PluginEnv>;

/** A positive integer route parameter, or 404. */
export function idParam(c: Ctx, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(404);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new HttpError(404);
  return n;
}

/** One transaction in the scope tickets are read with for this actor (see ticketScope). */
export function ticketTx<T>(c: Ctx, fn: (tx: Db) => Promise<T>): Promise<T> {
  return c.get('tx')(fn, ticketScope(c.get('actor')));
}

export function authorOf(c: Ctx): Author {
  const user = c.get('actor').user!;
  return { userId: user.id, name: user.name };
}

/**
 * Settings and calendars of the singulares a request touches, read once each, each in its own short
 * transaction in that reseller's scope (never nested inside another transaction: PGlite has one
 * connection).
 */
export class SettingsCache {
  readonly #byReseller = new Map<number, SupportSettings>();
  constructor(private readonly ctx: SupportContext) {}

  async load(resellerIds: Iterable<number>): Promise<void> {
    for (const id of new Set(resellerIds)) {
      if (!this.#byReseller.has(id)) this.#byReseller.set(id, await this.ctx.settings(id));
    }
  }

  settings(resellerId: number): SupportSettings {
    const s = this.#byReseller.get(resellerId);
    if (!s) throw new Error(`settings of reseller ${resellerId} not loaded`);
    return s;
  }

  calendar(resellerId: number): BusinessCalendar {
    return calendarOf(this.settings(resellerId));
  }
}

/** Text field of a parsed form, trimmed ('' when absent or a file). */
export function field(form: Record<string, unknown>, name: string): string {
  const v = form[name];
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0].trim();
  return '';
}

/** Files of a multipart field (zero, one or several). */
export async function filesOf(form: Record<string, unknown>, name: string): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const v = form[name];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  const files: Array<{ name: string; bytes: Uint8Array }> = [];
  for (const item of list) {
    if (item instanceof File) files.push({ name: item.name, bytes: new Uint8Array(await item.arrayBuffer()) });
  }
  return files;
}

/** Same-plugin path to go back to after a form, or the fallback. */
export function safeBack(value: string, fallback: string): string {
  return /^\/p\/support(\/[A-Za-z0-9/_.?=&%-]*)?$/.test(value) && !value.includes('//') ? value : fallback;
}
