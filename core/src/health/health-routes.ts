import type { CoreServices } from '../app/services.ts';
import type { ScreenRouter } from '../http/screen-router.ts';

/** GET /healthz → 200 {"status":"ok","db":"ok"}, or 503 with "db":"down". */
export function healthRoutes(router: ScreenRouter, services: CoreServices): void {
  router.get('/healthz', { permission: 'public', dataClass: 'general' }, async (c) => {
    const up = await services.db.ping();
    c.header('Cache-Control', 'no-store');
    return up ? c.json({ status: 'ok', db: 'ok' }) : c.json({ status: 'error', db: 'down' }, 503);
  });
}
