import type { Database } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

describe.each(testDrivers())('session fixture on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('signs a demo user in as a login would: the cookie opens their screens, and only theirs', async () => {
    const singular = await t.session('singular@demo.test');
    expect(singular).toMatch(/^painel_sessao=[a-z2-7]{32}$/);
    const bases = await t.request('/bases', { cookie: singular });
    expect(bases.status).toBe(200);
    expect(await bases.text()).toContain('Clínica Demo Norte');
    expect((await t.request('/singulares', { cookie: singular })).status).toBe(403);
    expect((await t.request('/bases')).status, 'without the cookie').toBe(303);
  });

  it('refuses unknown e-mails', async () => {
    await expect(t.session('ninguem@demo.test')).rejects.toThrow('no active user ninguem@demo.test');
  });

  it('demo users are hashed cheaply in tests, and a real login still works', async () => {
    const [row] = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ password_hash: string }>(tx, sql`select password_hash from users where email = 'medico@demo.test'`),
    );
    expect(row?.password_hash).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    expect(await t.login('medico@demo.test')).toMatch(/^painel_sessao=/);
  });
});
