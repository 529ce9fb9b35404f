import { type Database, demoPassword, hashPassword, schema } from '@painel/core/testing';
import { SEED_EMAIL_DOMAIN, seedLarge } from '@painel/tenants';
import { count, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const { clinics, memberships, resellers, users } = schema;

describe.each(testDrivers())('tenants: large seed (small run) on %s', (driver) => {
  let db: Database;
  let t: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('creates singulares, bases, users and memberships, then refuses to run twice', async () => {
    const hash = await hashPassword(demoPassword, t.services.config);
    const messages: string[] = [];
    const report = await seedLarge(db, { resellers: 6, clinics: 300, users: 700 }, hash, (m) => messages.push(m));
    expect(report).toMatchObject({ resellers: 6, clinics: 300, users: 706, firstBaseId: 100_001 });
    // One vínculo per user, plus a second one for every 20th user whose base has a next base in the same singular.
    expect(report.memberships).toBeGreaterThan(700 + 25);
    expect(report.memberships).toBeLessThanOrEqual(700 + 35);
    expect(messages.at(-1)).toMatch(/estatísticas/);

    const stats = await db.scoped({ kind: 'platform' }, async (tx) => ({
      resellers: (await tx.select({ n: count() }).from(resellers).where(like(resellers.code, '500_')))[0]?.n,
      clinics: (await tx.select({ n: count() }).from(clinics).where(sql`${clinics.id} > 100000`))[0]?.n,
      users: (await tx.select({ n: count() }).from(users).where(like(users.email, `%@${SEED_EMAIL_DOMAIN}`)))[0]?.n,
      gestores: (await tx.select({ n: count() }).from(memberships).where(eq(memberships.role, 'gestor')))[0]?.n,
      seededMemberships: (await tx.select({ n: count() }).from(memberships).where(sql`${memberships.clinicId} > 100000`))[0]?.n,
      badCnpj: (await tx.select({ n: count() }).from(clinics).where(sql`${clinics.cnpj} is not null and length(${clinics.cnpj}) <> 14`))[0]?.n,
    }));
    expect(stats).toEqual({ resellers: 6, clinics: 300, users: 706, gestores: 301, seededMemberships: report.memberships, badCnpj: 0 });

    await expect(seedLarge(db, { resellers: 6, clinics: 300, users: 700 }, hash)).rejects.toThrow(/já foi aplicada/);
  });

  it('gives working logins: the largest singular’s admin sees exactly its own bases', async () => {
    const cookie = await t.login(`admin.5001@${SEED_EMAIL_DOMAIN}`);
    const [largest] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx
        .select({ n: count() })
        .from(clinics)
        .innerJoin(resellers, eq(resellers.id, clinics.resellerId))
        .where(eq(resellers.code, '5001')),
    );
    const html = await (await t.request('/bases', { cookie })).text();
    const shown = /data-testid="clinic-count"><strong>([\d.]+) bases/.exec(html)?.[1];
    expect(Number(shown?.replace('.', ''))).toBe(Number(largest?.n));
    expect(Number(largest?.n)).toBeGreaterThan(50);
    const user = await t.login(`usuario1@${SEED_EMAIL_DOMAIN}`);
    expect((await t.request('/', { cookie: user })).status).toBe(200);
  });
});
