import { type Database, LoginThrottle, schema } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

/** `x-test-client-ip` stands for the socket's peer address (requests in tests have no socket). */
const from = (peer: string, extra: Record<string, string> = {}) => ({ 'x-test-client-ip': peer, ...extra });

describe.each(testDrivers())('login throttling on %s', (driver) => {
  let db: Database;
  let t: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db, { env: { TRUSTED_PROXIES: '10.0.0.0/8,192.0.2.1' } });
  });
  afterAll(async () => {
    await db.close();
  });

  const attempt = (email: string, password: string, headers: Record<string, string>) =>
    t.request('/login', { form: { email, password }, headers });

  it("one person's typos do not lock another account at the same address", async () => {
    const clinicNat = from('198.51.100.20');
    for (let i = 0; i < 8; i++) await attempt('vizinha@demo.test', `errada${i}`, clinicNat);
    expect((await attempt('vizinha@demo.test', 'demo1234', clinicNat)).status, 'the typist is slowed down').toBe(429);
    expect((await attempt('clinica@demo.test', 'demo1234', clinicNat)).status, 'a colleague behind the same NAT is not').toBe(303);
    expect((await attempt('medico@demo.test', 'demo1234', clinicNat)).status).toBe(303);
  });

  it('slows an account down with a delay that doubles after each further failure', async () => {
    const me = from('198.51.100.30');
    for (let i = 0; i < 5; i++) expect((await attempt('singular@demo.test', `errada${i}`, me)).status).toBe(401);
    const retryAfter = async () => {
      const res = await attempt('singular@demo.test', 'demo1234', me);
      expect(res.status).toBe(429);
      expect(await res.text()).toMatch(/Tente novamente às \d{2}:\d{2}/);
      return Number(res.headers.get('retry-after'));
    };
    const delays: number[] = [];
    for (let round = 0; round < 3; round++) {
      const wait = await retryAfter();
      delays.push(wait);
      t.clock.advance(wait * 1000 + 1000);
      expect((await attempt('singular@demo.test', 'errada-de-novo', me)).status).toBe(401);
    }
    delays.push(await retryAfter());
    expect(delays).toEqual([60, 120, 240, 480]);
    t.clock.advance(481_000);
    expect((await attempt('singular@demo.test', 'demo1234', me)).status, 'the right password after the wait').toBe(303);
    expect((await attempt('singular@demo.test', 'errada', me)).status, 'a success starts the count again').toBe(401);
  });

  it('throttles an account guessed from many addresses', async () => {
    for (let i = 0; i < 10; i++) await attempt('plataforma@demo.test', 'errada', from(`203.0.113.${100 + i}`));
    const res = await attempt('plataforma@demo.test', 'demo1234', from('203.0.113.200'));
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
  });

  it('admits at most the allowed attempts of a parallel burst against one account (count and check are atomic)', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt('suporte@demo.test', `errada${i}`, from('198.51.100.40')).then((r) => r.status)),
    );
    const checked = statuses.filter((s) => s === 401).length;
    expect(checked, `${checked} of 40 parallel wrong passwords were checked`).toBeLessThanOrEqual(5);
    expect(checked).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 429).length).toBe(40 - checked);

    const spread = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt('clinica@demo.test', `errada${i}`, from(`203.0.113.${i + 1}`)).then((r) => r.status)),
    );
    const spreadChecked = spread.filter((s) => s === 401).length;
    expect(spreadChecked, `${spreadChecked} of 40 parallel guesses from 40 addresses were checked`).toBeLessThanOrEqual(10);
    expect(spread.filter((s) => s === 429).length).toBe(40 - spreadChecked);
  });

  it('takes the client address from X-Forwarded-For only when the peer is a trusted proxy', async () => {
    const ipOf = async (res: Response) => {
      const [row] = await db.query<{ ip: string | null }>(db.owner, sql`select ip from audit_log where request_id = ${res.headers.get('x-request-id')}`);
      return row?.ip;
    };
    const direct = await attempt('ninguem@demo.test', 'x', from('203.0.113.77', { 'x-forwarded-for': '198.51.100.99' }));
    expect(await ipOf(direct), 'a client cannot pick its own address').toBe('203.0.113.77');
    const proxied = await attempt('ninguem@demo.test', 'x', from('10.1.2.3', { 'x-forwarded-for': '198.51.100.99, 203.0.113.5, 192.0.2.1' }));
    expect(await ipOf(proxied), 'the right-most address that is not a trusted proxy').toBe('203.0.113.5');
    const mapped = await attempt('ninguem@demo.test', 'x', from('::ffff:10.9.9.9', { 'x-forwarded-for': '198.51.100.98' }));
    expect(await ipOf(mapped)).toBe('198.51.100.98');
  });

  it('keeps a high per-address ceiling', async () => {
    const throttle = new LoginThrottle(db, t.clock, {
      ...LoginThrottle.defaultRules,
      ip: { free: 3, firstDelayMs: 60 * 60_000, maxDelayMs: 60 * 60_000, windowMs: 60 * 60_000 },
    });
    for (let i = 0; i < 3; i++) expect((await throttle.admit(LoginThrottle.keys(`conta${i}@demo.test`, '198.51.100.50'))).allowed).toBe(true);
    const refused = await throttle.admit(LoginThrottle.keys('outra@demo.test', '198.51.100.50'));
    expect(refused.allowed).toBe(false);
    expect((await throttle.admit(LoginThrottle.keys('outra@demo.test', '198.51.100.51'))).allowed).toBe(true);
    const rows = await db.scoped({ kind: 'auth' }, (tx) => tx.select().from(schema.loginThrottle).where(eq(schema.loginThrottle.key, 'ip:198.51.100.50')));
    expect(rows[0]?.failures).toBe(3);
  });
});
