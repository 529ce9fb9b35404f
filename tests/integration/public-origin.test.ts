import type { Database } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase } from '../support/test-db.ts';

const publicOrigin = 'https://painel.exemplo.com.br';
const wrongLogin = new URLSearchParams({ email: 'ninguem@demo.test', password: 'errada123' });

/**
 * With PUBLIC_ORIGIN set, the CSRF check accepts that origin only: the request URL's origin comes from
 * the Host header, which whoever sends the request chooses.
 */
describe('CSRF origin with PUBLIC_ORIGIN', () => {
  let db: Database;
  let t: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase('pglite');
    t = await createTestApp(db, { env: { PUBLIC_ORIGIN: publicOrigin } });
  });
  afterAll(async () => {
    await db.close();
  });

  const post = (url: string, headers: Record<string, string>) =>
    t.app.request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: wrongLogin });

  it('refuses a forged Host with a matching Origin', async () => {
    const forged = await post('http://evil.example/login', { host: 'evil.example', origin: 'http://evil.example' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('Acesso negado');
    const rebound = await post('http://evil.example/login', { host: 'evil.example', origin: 'http://evil.example', 'sec-fetch-site': 'same-origin' });
    expect(rebound.status, 'a browser on a rebound host name says same-origin, yet its Origin is not ours').toBe(403);
  });

  it('accepts the public origin (the app itself sits behind a proxy on another host name)', async () => {
    const res = await post('http://10.0.0.5:3000/login', { host: '10.0.0.5:3000', origin: publicOrigin });
    expect(res.status).toBe(401);
    const noOrigin = await post('http://10.0.0.5:3000/login', { host: '10.0.0.5:3000', 'sec-fetch-site': 'same-origin' });
    expect(noOrigin.status).toBe(401);
  });
});
