import { type Actor, HttpError, type PluginContext, type PluginEnv } from '@painel/core/plugin';
import type { Context } from 'hono';
import type { SecretBox } from '../secrets/secret-box.ts';
import type { VersionSource } from '../versions/version-source.ts';
import type { Author } from '../store/request-store.ts';

export type Ctx = Context<PluginEnv>;

/** What the routes and jobs need besides the plugin context: the box that seals backup passwords, where a version's rows come from. */
export interface RouterDeps {
  box: SecretBox;
  /** The valid rows a validation version loads (default: versions/version-source.ts's seam). */
  versionSource?: VersionSource;
}

export interface Env {
  ctx: PluginContext<unknown>;
  deps: RouterDeps;
}

/** A positive integer route parameter, or 404. */
export function idParam(c: Ctx, name = 'id'): number {
  const raw = c.req.param(name) ?? '';
  if (!/^\d{1,15}$/.test(raw)) throw new HttpError(404);
  return Number(raw);
}

export function authorOf(actor: Actor): Author {
  return { userId: actor.user!.id, name: actor.user!.name };
}

export type Form = Record<string, string | File | (string | File)[]>;

export async function formOf(c: Ctx): Promise<Form> {
  return (await c.req.parseBody({ all: true })) as Form;
}

/** A text field, trimmed ('' when absent or a file). */
export function field(form: Form, name: string): string {
  const v = form[name];
  const first = Array.isArray(v) ? v[0] : v;
  return typeof first === 'string' ? first.trim() : '';
}

/** Every value of a repeated field (checkboxes, rows), trimmed. */
export function fields(form: Form, name: string): string[] {
  const v = form[name];
  const all = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return all.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
}
