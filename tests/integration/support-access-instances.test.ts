import { type Database, ManualClock, openDatabase } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedInstant, testAppRole, withDatabase } from '../support/templates.ts';
import type { TestApp } from '../support/test-app.ts';
import { openTestDatabase, postgresServerUrl, testDrivers } from '../support/test-db.ts';
import { grantsOf, probeApp } from './support-access-helpers.ts';

/**
 * Revocation is read from the database on every request: two app instances on one database (on
 * PostgreSQL: two separate connection pools), the gestor revokes on one, the agent's very next request
 * on the other is refused.
 */
describe.each(testDrivers())('support access across two app instances on %s', (driver) => {
  let db: Database;
  let second: Database;
  let a: TestApp;
  let b: TestApp;

  beforeEach(async () => {
    db = await openTestDatabase(driver);
    if (driver === 'postgres') {
      const [row] = await db.query<{ name: string }>(db.owner, sql`select current_database() as name`);
      second = await openDatabase({ url: withDatabase(postgresServerUrl(), row!.name), appRole: testAppRole, poolSize: 2 });
    } else {
      second = db; // PGlite is in-process: both instances share the one embedded database.
    }
    const clock = new ManualClock(seedInstant);
    a = await probeApp(db, { clock });
    b = await probeApp(second, { clock });
  });
  afterEach(async () => {
    if (second !== db) await second.close();
    await db.close();
  });

  it('refuses the agent on instance B on the very next request after the gestor revokes on instance A', async () => {
    const gestor = await a.login('clinica@demo.test');
    const agent = await b.login('suporte@demo.test');
    expect((await b.request('/suporte/bases/entrar', { cookie: agent, form: { base: '1001' } })).status).toBe(303);
    expect(await (await a.request('/teste-sa/geral', { cookie: agent })).text()).toBe('geral');
    expect(await (await b.request('/teste-sa/geral', { cookie: agent })).text()).toBe('geral');

    const grant = (await grantsOf(second, 1001)).find((g) => !g.ended_at)!;
    expect((await a.request('/acesso-suporte/revogar', { cookie: gestor, form: { acesso: String(grant.id) } })).status).toBe(303);

    const next = await b.request('/teste-sa/geral', { cookie: agent });
    expect(next.status).toBe(403);
    expect(await next.text()).toContain('O acesso de suporte a esta base terminou');
    expect((await a.request('/teste-sa/pessoal', { cookie: agent })).status).toBe(403);

    // A new grant on B is honoured on A at once, too.
    expect((await b.request('/acesso-suporte/conceder', { cookie: gestor, form: { duracao: '1h' } })).status).toBe(303);
    expect((await a.request('/suporte/bases/entrar', { cookie: agent, form: { base: '1001' } })).status).toBe(303);
    expect(await (await b.request('/teste-sa/geral', { cookie: agent })).text()).toBe('geral');
  });
});
