import type { Context, MiddlewareHandler } from 'hono';
import { HttpError } from './http-error.ts';

const unsafe = /^(POST|PUT|PATCH|DELETE)$/;

/**
 * CSRF defence for every unsafe method whatever its content type: the request must come from our own
 * origin. An `Origin` header, when present, must be our own (see `ownOriginCheck`), whatever
 * `Sec-Fetch-Site` says (a browser on a rebound host name says same-origin). Without `Origin`,
 * `Sec-Fetch-Site: same-origin` is required. A browser that sends `Sec-Fetch-Site` is believed:
 * anything but `same-origin` is refused. Requests with neither header are refused too (fail closed).
 */
export function sameOriginWrites(isOwnOrigin: (origin: string, c: Context) => boolean): MiddlewareHandler {
  return async (c, next) => {
    if (!unsafe.test(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    if (site && site !== 'same-origin') throw new HttpError(403, 'csrf', { kind: 'csrf' });
    if (origin ? !isOwnOrigin(origin, c) : site !== 'same-origin') throw new HttpError(403, 'csrf', { kind: 'csrf' });
    return next();
  };
}
