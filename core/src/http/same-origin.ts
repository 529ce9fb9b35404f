import type { MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.ts';

const unsafe = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * CSRF defence for every unsafe method whatever its content type: the request must come from our own
 * origin, proven by `Sec-Fetch-Site: same-origin` or an `Origin` header equal to an allowed origin.
 * A browser that sends `Sec-Fetch-Site` is believed: anything but `same-origin` is refused even
 * with a matching Origin. Requests with neither header are refused too (fail closed).
 */
export function sameOriginWrites(allowedOrigins: () => string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!unsafe.test(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const own = new URL(c.req.url).origin;
    const originOk = !!origin && (origin === own || allowedOrigins().includes(origin));
    const siteOk = site === 'same-origin';
    if (site && !siteOk) throw new HttpError(403, 'csrf', { kind: 'csrf' });
    if (!originOk && !siteOk) throw new HttpError(403, 'csrf', { kind: 'csrf' });
    return next();
  };
}
