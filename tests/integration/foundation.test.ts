import { type Database, schema, sessionIdFromToken } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

describe.each(testDrivers())('foundation on %s', (driver) => {
  let db: Database;
  let t: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('answers /healthz with db ok', async () => {
    const res = await t.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('serves the login page with a nonce CSP and no external origins', async () => {
    const res = await t.request('/login');
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https?:\/\/(?!www\.youtube-nocookie\.com)/);
    const html = await res.text();
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    for (const tag of html.match(/<script[^>]*>/g) ?? []) expect(tag).toContain(`nonce="${nonce}"`);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('logs in with a form POST, sets an HttpOnly cookie and stores only the token hash', async () => {
    const res = await t.request('/login', { form: { email: 'plataforma@demo.test', password: 'demo1234' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^painel_sessao=[a-z2-7]{32};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    const token = /painel_sessao=([a-z2-7]+)/.exec(setCookie)![1]!;
    const ids = await db.scoped({ kind: 'auth' }, (tx) => tx.select({ id: schema.sessions.id }).from(schema.sessions));
    expect(ids.map((r) => r.id)).toContain(sessionIdFromToken(token));
    expect(ids.map((r) => r.id)).not.toContain(token);
    const dump = await db.query<{ n: number }>(
      db.owner,
      sql`select count(*)::int as n from sessions where id = ${token} or ip = ${token} or user_agent = ${token}`,
    );
    expect(dump[0]?.n).toBe(0);
    const home = await t.request('/', { cookie: `painel_sessao=${token}` });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Paula');
  });

  it('refuses a POST without a matching Origin with 403, whatever the content type', async () => {
    const noOrigin = await t.request('/login', { form: { email: 'plataforma@demo.test', password: 'demo1234' }, noOrigin: true });
    expect(noOrigin.status).toBe(403);
    expect(await noOrigin.text()).toContain('Acesso negado');
    const evil = await t.request('/login', {
      method: 'POST',
      body: JSON.stringify({ email: 'x' }),
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
    });
    expect(evil.status).toBe(403);
    const crossSite = await t.request('/logout', { method: 'POST', headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' } });
    expect(crossSite.status).toBe(403);
    const sameSite = await t.request('/login', {
      form: { email: 'nobody@demo.test', password: 'x' },
      noOrigin: true,
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(sameSite.status).toBe(401);
  });

  it('gives the same message for unknown e-mail and wrong password', async () => {
    const a = await t.request('/login', { form: { email: 'ninguem@demo.test', password: 'demo1234' } });
    const b = await t.request('/login', { form: { email: 'singular@demo.test', password: 'errada123' } });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    const msg = (html: string) => /data-testid="login-error">([^<]+)</.exec(html)?.[1];
    expect(msg(await a.text())).toBe('E-mail ou senha incorretos.');
    expect(msg(await b.text())).toBe('E-mail ou senha incorretos.');
  });

  it('throttles an account after 5 failures with a pt-BR 429 saying when to retry', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.request('/login', { form: { email: 'vizinha@demo.test', password: `errada${i}` } });
      expect(r.status).toBe(401);
    }
    const locked = await t.request('/login', { form: { email: 'vizinha@demo.test', password: 'demo1234' } });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('60');
    expect(await locked.text()).toMatch(/Tente novamente às \d{2}:\d{2}/);
    t.clock.advance(60_000 + 1000);
    const after = await t.request('/login', { form: { email: 'vizinha@demo.test', password: 'demo1234' } });
    expect(after.status).toBe(303);
  });

  it('expires a session after the idle timeout and after the absolute lifetime', async () => {
    const cookie = await t.login('singular@demo.test');
    t.clock.advance(29 * 60_000);
    expect((await t.request('/', { cookie })).status).toBe(200);
    t.clock.advance(29 * 60_000); // idle clock slid at the last request
    expect((await t.request('/', { cookie })).status).toBe(200);
    t.clock.advance(30 * 60_000 + 1);
    const idle = await t.request('/', { cookie });
    expect(idle.status).toBe(303);
    expect(idle.headers.get('location')).toBe('/login?next=%2F');

    const cookie2 = await t.login('singular@demo.test');
    for (let i = 0; i < 12 * 3; i++) {
      t.clock.advance(20 * 60_000);
      const r = await t.request('/', { cookie: cookie2 });
      if (i < 35) expect(r.status, `request ${i}`).toBe(200);
      else expect(r.status).toBe(303);
    }
  });

  it('rotates the token at login and deletes the session at logout', async () => {
    const first = await t.login('clinica@demo.test');
    const res = await t.request('/login', { form: { email: 'clinica@demo.test', password: 'demo1234' }, cookie: first });
    const second = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await t.request('/', { cookie: first })).status).toBe(303);
    const out = await t.request('/logout', { method: 'POST', cookie: second });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/painel_sessao=;/);
    expect((await t.request('/', { cookie: second })).status).toBe(303);
  });

  it('lists active sessions and ends the others', async () => {
    const a = await t.login('medico@demo.test');
    const b = await t.login('medico@demo.test');
    const page = await t.request('/minhas-sessoes', { cookie: a });
    const html = await page.text();
    expect((html.match(/data-testid="session-row"/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('Esta sessão');
    const end = await t.request('/minhas-sessoes/encerrar-outras', { method: 'POST', cookie: a });
    expect(end.status).toBe(303);
    expect((await t.request('/', { cookie: b })).status).toBe(303);
    expect((await t.request('/', { cookie: a })).status).toBe(200);
  });

  it('renders pt-BR 404 and 413 pages', async () => {
    const cookie = await t.login('singular@demo.test');
    const nf = await t.request('/nao-existe', { cookie });
    expect(nf.status).toBe(404);
    expect(await nf.text()).toContain('Página não encontrada');
    const big = await t.request('/login', { method: 'POST', body: 'x'.repeat(20_000), headers: { 'content-type': 'text/plain' } });
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('grande demais');
  });

  it('runs request work as a role that cannot bypass row-level security', async () => {
    const [row] = await db.scoped({ kind: 'none' }, (tx) =>
      db.query<{ user: string; su: boolean; bypass: boolean }>(
        tx,
        sql`select current_user as "user", r.rolsuper as su, r.rolbypassrls as bypass from pg_roles r where r.rolname = current_user`,
      ),
    );
    expect(row).toEqual({ user: 'painel_app', su: false, bypass: false });
    const visible = await db.scoped({ kind: 'none' }, (tx) => tx.select().from(schema.clinics));
    expect(visible).toHaveLength(0);
    await expect(
      db.scoped({ kind: 'none' }, (tx) => tx.insert(schema.resellers).values({ code: '9999', name: 'Intrusa' })),
    ).rejects.toThrow();
  });
});
