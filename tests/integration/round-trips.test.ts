import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, postgresServerUrl } from '../support/test-db.ts';

/**
 * What one page costs the database, counted on a real PostgreSQL server: statements, transactions
 * and round trips (statements sent in the same turn of the event loop travel together — pipelined —
 * and count as one round trip).
 */
describe.runIf(!!postgresServerUrl())('database cost of a page (PostgreSQL)', () => {
  let t: TestApp;
  let statements: string[] = [];
  let roundTrips = 0;
  let sending = false;
  let turns: string[] = [];
  const onStatement = (text: string) => {
    if (!sending) {
      roundTrips++;
      turns.push(`--- turn ${roundTrips}`);
      sending = true;
      setImmediate(() => {
        sending = false;
      });
    }
    const short = text.trim().split(/\s+/).slice(0, 3).join(' ');
    statements.push(short);
    turns.push(short);
  };
  const measure = async (path: string, cookie: string) => {
    statements = [];
    turns = [];
    roundTrips = 0;
    const res = await t.request(path, { cookie });
    const html = await res.text();
    await new Promise((r) => setImmediate(r));
    return { status: res.status, html, statements: [...statements], turns: [...turns], roundTrips };
  };

  beforeAll(async () => {
    t = await createTestApp(await openTestDatabase('postgres', { onStatement }));
  });
  afterAll(async () => {
    await t.db.close();
  });

  it('serves /bases?q= to a reseller admin in one transaction (was 31 statements in 6 transactions)', async () => {
    const cookie = await t.login('singular@demo.test');
    // Warm up every pooled connection: a statement's first run on a connection also asks the server
    // for its parameter types (a round trip of its own), later runs reuse the prepared statement.
    for (let i = 0; i < 6; i++) await measure('/bases?q=Norte', cookie);
    const page = await measure('/bases?q=Norte', cookie);
    expect(page.status).toBe(200);
    expect(page.html).toContain('Clínica Demo Norte');
    expect(page.statements.filter((s) => /^begin/i.test(s))).toHaveLength(1);
    expect(page.statements.filter((s) => /^commit/i.test(s))).toHaveLength(1);
    // 13 statements (savepoint bookkeeping included) in 4 send turns: session; scope entry + prefetched
    // bell count; the singular's row + the search, pipelined; commit.
    expect(page.statements.length, page.statements.join('\n')).toBeLessThanOrEqual(13);
    expect(page.roundTrips, page.turns.join('\n')).toBeLessThanOrEqual(4);
  });

  it('serves an authenticated minimal page in one transaction', async () => {
    const cookie = await t.login('clinica@demo.test');
    for (let i = 0; i < 6; i++) await measure('/notificacoes', cookie);
    const page = await measure('/notificacoes', cookie);
    expect(page.status).toBe(200);
    expect(page.statements.filter((s) => /^begin/i.test(s))).toHaveLength(1);
    expect(page.statements.length, page.statements.join('\n')).toBeLessThanOrEqual(14);
    expect(page.roundTrips, page.turns.join('\n')).toBeLessThanOrEqual(4);
  });

  it('opens no transaction for a static asset or an anonymous health check', async () => {
    const health = await measure('/healthz', '');
    expect(health.status).toBe(200);
    expect(health.statements.filter((s) => /^begin/i.test(s))).toHaveLength(0);
  });
});
