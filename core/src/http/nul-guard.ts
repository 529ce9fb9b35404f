import type { MiddlewareHandler } from 'hono';
import { t } from '../ui/messages.ts';
import type { AppEnv } from './env.ts';
import { HttpError } from './http-error.ts';

const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The first field whose name or text value holds a NUL character (files are not text: skipped). */
export function fieldWithNul(fields: Record<string, unknown>): string | null {
  for (const [name, value] of Object.entries(fields)) {
    const values = Array.isArray(value) ? value : [value];
    if (name.includes('\0') || values.some((v) => typeof v === 'string' && v.includes('\0'))) return name.replaceAll('\0', '');
  }
  return null;
}

/** The pt-BR 400 for a field holding a NUL character. */
export function nulFieldError(field: string): HttpError {
  return new HttpError(400, t('error.nul.body', { field }), { title: t('error.nul.title') });
}

/**
 * Refuses (400, pt-BR) any query parameter or form field holding a NUL character: PostgreSQL cannot
 * store it in text, so it would otherwise fail deep in a handler with a 500. Every route registered
 * through the ScreenRouter runs this after its body limit, so no handler can forget it (an upload
 * route checks its query here and its fields while it streams them: see `uploadScope`).
 */
export const rejectNulInput: MiddlewareHandler<AppEnv> = async (c, next) => {
  let field = fieldWithNul(c.req.queries());
  if (!field && formTypes.test(c.req.header('content-type') ?? '') && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    field = fieldWithNul(await c.req.parseBody({ all: true }));
  }
  if (field !== null) throw nulFieldError(field);
  return next();
};
