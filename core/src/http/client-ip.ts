import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/** The client's address from the socket (a reverse proxy should be configured to overwrite it). */
export function clientIp(c: Context): string | null {
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return c.req.header('x-test-client-ip') ?? null;
  }
}
