import { sql } from 'drizzle-orm';
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
    // 10 statements in 3 send turns: (1) begin, scope entry, session; (2) savepoint, scope entry, the
    // singular's row and the search with the page's prefetched reads (plugin gate, bell count); (3) commit.
    expect(page.statements.length, page.statements.join('\n')).toBeLessThanOrEqual(10);
    expect(page.roundTrips, page.turns.join('\n')).toBeLessThanOrEqual(3);
  });

  it('serves an authenticated minimal page in one transaction', async () => {
    const cookie = await t.login('clinica@demo.test');
    for (let i = 0; i < 6; i++) await measure('/notificacoes', cookie);
    const page = await measure('/notificacoes', cookie);
    expect(page.status).toBe(200);
    expect(page.statements.filter((s) => /^begin/i.test(s))).toHaveLength(1);
    // begin, scope entry, session | savepoint, scope entry, the list with the prefetched reads | commit.
    expect(page.statements.length, page.statements.join('\n')).toBeLessThanOrEqual(9);
    expect(page.roundTrips, page.turns.join('\n')).toBeLessThanOrEqual(3);
  });

  it('checks the database of a signed-in health check in the request transaction, in 3 turns', async () => {
    const cookie = await t.login('clinica@demo.test');
    for (let i = 0; i < 6; i++) await measure('/healthz', cookie);
    const page = await measure('/healthz', cookie);
    expect(page.status).toBe(200);
    expect(page.statements.filter((s) => /^begin/i.test(s))).toHaveLength(1);
    // begin, scope entry, session | savepoint, select 1 (in the scope already entered: no page reads,
    // no scope entry of its own) | commit.
    expect(page.statements.length, page.statements.join('\n')).toBeLessThanOrEqual(6);
    expect(page.roundTrips, page.turns.join('\n')).toBeLessThanOrEqual(3);
  });

  it('sends no savepoint for a transaction of one call', async () => {
    await t.db.scoped({ kind: 'reseller', resellerId: 1 }, (tx) => tx.execute(sql`select 1`));
    statements = [];
    await t.db.scoped({ kind: 'reseller', resellerId: 1 }, (tx) => tx.execute(sql`select 1`));
    expect(statements.filter((s) => /savepoint/i.test(s)), statements.join('\n')).toEqual([]);
    expect(statements, statements.join('\n')).toHaveLength(4);
  });

  it('opens no transaction for a static asset or an anonymous health check', async () => {
    const health = await measure('/healthz', '');
    expect(health.status).toBe(200);
    expect(health.statements.filter((s) => /^begin/i.test(s))).toHaveLength(0);
  });
});
