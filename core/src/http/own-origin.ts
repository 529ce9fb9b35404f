import type { Context } from 'hono';

/**
 * Which `Origin` counts as our own for the CSRF checks. With PUBLIC_ORIGIN set, that origin and
 * nothing else: the request URL's origin is built from the Host header, which the sender chooses.
 * Without it (local use, tests) the request URL's origin.
 */
export function ownOriginCheck(publicOrigin: string | undefined): (origin: string, c: Context) => boolean {
  if (publicOrigin) {
    const own = new URL(publicOrigin).origin;
    return (origin) => origin === own;
  }
  return (origin, c) => origin === new URL(c.req.url).origin;
}
