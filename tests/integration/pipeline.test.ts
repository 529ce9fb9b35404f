import { createApp, type Database, defineModule } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModules, createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

const boom = defineModule({
  id: 'boom',
  routes: (router) => {
    router.get('/teste/erro', { permission: 'public', dataClass: 'general' }, () => {
      throw new Error('segredo interno do servidor');
    });
  },
});

describe('request pipeline', () => {
  let db: Database;
  let t: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    t = await createTestApp(db, { modules: [...(await appModules()), boom] });
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers a 500 with the request id and never the stack or message', async () => {
    const res = await t.request('/teste/erro');
    expect(res.status).toBe(500);
    const html = await res.text();
    const id = res.headers.get('x-request-id');
    expect(id).toBeTruthy();
    expect(html).toContain('Erro inesperado');
    expect(html).toContain(`<code data-testid="request-id">${id}</code>`);
    expect(html).not.toContain('segredo interno');
    expect(html).not.toMatch(/at .*\.ts:\d+/);
  });

  it('refuses to start when a route has no data class', async () => {
    const sloppy = defineModule({
      id: 'sloppy',
      routes: (router) => {
        router.get('/sem-classe', { permission: 'public' } as never, (c) => c.text('x'));
      },
    });
    expect(() => createApp(t.services, [sloppy])).toThrow(/no valid data class/);
  });

  it('refuses to start when a route is added to Hono without metadata', async () => {
    const sneaky = defineModule({
      id: 'sneaky',
      setup: () => {},
      routes: (router) => {
        // Reach the underlying Hono app the way a careless module might.
        const app = (router as unknown as { app: { get: (p: string, h: () => Response) => void } }).app;
        app.get('/por-fora', () => new Response('x'));
      },
    });
    expect(() => createApp(t.services, [sneaky])).toThrow(/GET \/por-fora/);
  });

  it('answers /healthz 503 with db down when the database is unreachable', async () => {
    const other = await openTestDatabase('pglite');
    const app = await createTestApp(other);
    await other.close();
    const res = await app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: 'error', db: 'down' });
  });
});
