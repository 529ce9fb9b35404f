import type { CoreServices } from '../app/services.ts';
import type { ScreenRouter } from '../http/screen-router.ts';

/** A database that has not answered `select 1` within this time counts as down. */
export const pingTimeoutMs = 2000;

function pingWithin(services: CoreServices, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  return Promise.race([services.db.ping(), late]).finally(() => clearTimeout(timer));
}

/** GET /healthz → 200 {"status":"ok","db":"ok"}, or 503 with "db":"down" (also when the ping takes over 2 s). */
export function healthRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/healthz', { permission: 'public', dataClass: 'general' }, async (c) => {
    const up = await pingWithin(services, pingTimeoutMs);
    c.header('Cache-Control', 'no-store');
    return up ? c.json({ status: 'ok', db: 'ok' }) : c.json({ status: 'error', db: 'down' }, 503);
  });
}
