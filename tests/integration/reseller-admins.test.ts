/**
 * A new singular gets its administrators: the platform invites the first one from the singular's page,
 * that admin accepts the link and invites another admin of its own singular; nobody reaches another
 * singular's administrators (404), and row-level security agrees.
 */
import { type Database, schema } from '@painel/core/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { count, invitationTokenIn, userRow } from './tenants-users-helpers.ts';

describe.each(testDrivers())('administrators of a singular on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let platform: string;
  let resellerId: number;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    platform = await t.login('plataforma@demo.test');
    const created = await t.request('/singulares', { cookie: platform, form: { code: '0303', name: 'Singular Nova' } });
    expect(created.status).toBe(303);
    const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.resellers).where(eq(schema.resellers.code, '0303')));
    resellerId = row!.id;
  });
  afterAll(async () => {
    await db.close();
  });

  const invite = (cookie: string, code: string, nome: string, email: string) =>
    t.request(`/singulares/${code}/administradores`, { cookie, form: { nome, email } });
  const accept = async (html: string) => {
    const token = invitationTokenIn(html);
    expect(token, 'an invitation link on the page').not.toBeNull();
    const res = await t.request(`/convite/${token}`, { form: { senha: 'senha-forte-1', confirmacao: 'senha-forte-1' } });
    expect(res.status).toBe(303);
  };
  const audited = (email: string) =>
    count(db, sql`select count(*) as n from audit_log where action = 'user.invite' and reseller_id = ${resellerId} and target like ${`%(${email})`}`);

  it('the platform invites the first admin from the singular’s page; the link makes a reseller admin of that singular', async () => {
    const page = await (await t.request('/singulares/0303', { cookie: platform })).text();
    expect(page).toContain('Convidar administrador da singular');
    const empty = await (await t.request('/singulares/0303/administradores', { cookie: platform })).text();
    expect(empty).toContain('Esta singular ainda não tem administrador.');

    const res = await invite(platform, '0303', 'Ana Administradora', 'ana.admin@nova.test');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Convite enviado para Ana Administradora');
    expect(html).toContain('ana.admin@nova.test');
    expect(await userRow(db, 'ana.admin@nova.test')).toMatchObject({ kind: 'reseller_admin', resellerId, status: 'invited' });
    expect(await audited('ana.admin@nova.test')).toBe(1);
    const [mail] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, 'ana.admin@nova.test')),
    );
    expect(mail?.body).toContain('convidou você para administrar a singular Singular Nova');

    const acceptPage = await (await t.request(`/convite/${invitationTokenIn(html)}`)).text();
    expect(acceptPage).toContain('administrar a singular <strong>Singular Nova</strong>');
    await accept(html);
    const ana = await t.login('ana.admin@nova.test', 'senha-forte-1');
    expect((await userRow(db, 'ana.admin@nova.test'))?.status).toBe('active');
    expect((await t.request('/bases', { cookie: ana })).status).toBe(200);
    expect((await t.request('/usuarios', { cookie: ana })).status).toBe(200);
  });

  it('a singular admin invites another admin of its own singular from /usuarios, and cannot reach another singular’s (404)', async () => {
    const ana = await t.login('ana.admin@nova.test', 'senha-forte-1');
    expect(await (await t.request('/usuarios', { cookie: ana })).text()).toContain('href="/usuarios/administradores"');
    const go = await t.request('/usuarios/administradores', { cookie: ana });
    expect(go.status).toBe(303);
    expect(go.headers.get('location')).toBe('/singulares/0303/administradores');
    const list = await (await t.request('/singulares/0303/administradores', { cookie: ana })).text();
    expect(list).toContain('Ana Administradora');

    const res = await invite(ana, '0303', 'Bruno Segundo', 'bruno.admin@nova.test');
    expect(res.status).toBe(200);
    expect(await userRow(db, 'bruno.admin@nova.test')).toMatchObject({ kind: 'reseller_admin', resellerId, status: 'invited' });
    expect(await audited('bruno.admin@nova.test')).toBe(1);

    // Another singular: neither its page nor an invitation into it.
    expect((await t.request('/singulares/0101/administradores', { cookie: ana })).status).toBe(404);
    expect((await invite(ana, '0101', 'Intrusa', 'intrusa@nova.test')).status).toBe(404);
    expect(await userRow(db, 'intrusa@nova.test')).toBeFalsy();
    const demoAdmin = await t.login('singular@demo.test');
    expect((await t.request('/singulares/0303/administradores', { cookie: demoAdmin })).status).toBe(404);
    expect((await invite(demoAdmin, '0303', 'Intrusa', 'intrusa@nova.test')).status).toBe(404);
    expect(await userRow(db, 'intrusa@nova.test')).toBeFalsy();
    // Clinic users and support are refused.
    for (const email of ['clinica@demo.test', 'suporte@demo.test']) {
      expect((await t.request('/singulares/0303/administradores', { cookie: await t.login(email) })).status).toBe(403);
    }
  });

  it('refuses bad input and e-mails that already have an account, changing nothing', async () => {
    const users = () => count(db, sql`select count(*) as n from users`);
    const before = await users();
    const bad = await invite(platform, '0303', 'X', 'não-é-email');
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Informe o nome completo da pessoa.');
    expect(badHtml).toContain('não é um e-mail válido');
    const taken = await invite(platform, '0303', 'Carla de Novo', 'clinica@demo.test');
    expect(taken.status).toBe(400);
    expect(await taken.text()).toContain('já tem uma conta no Painel');
    const again = await invite(platform, '0303', 'Ana de Novo', 'ana.admin@nova.test');
    expect(await again.text()).toContain('já é administrador desta singular');
    expect(await users()).toBe(before);
    // An admin who has not created a password yet gets a fresh link instead (the old one stops working).
    const links = () => count(db, sql`select count(*) as n from tenants.invitations where email = 'bruno.admin@nova.test' and revoked_at is null`);
    const fresh = await invite(platform, '0303', 'Bruno Segundo', 'bruno.admin@nova.test');
    expect(fresh.status).toBe(200);
    expect(invitationTokenIn(await fresh.text())).not.toBeNull();
    expect(await links()).toBe(1);
    expect(await count(db, sql`select count(*) as n from tenants.invitations where email = 'bruno.admin@nova.test'`)).toBe(2);
    expect(await users()).toBe(before);
  });

  it('row-level security shows a singular’s admins only to that singular and the platform', async () => {
    const [demo] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.resellers).where(eq(schema.resellers.code, '0101')));
    const seen = (scope: Parameters<Database['scoped']>[0]) =>
      db.scoped(scope, (tx) =>
        tx
          .select({ email: schema.users.email })
          .from(schema.users)
          .where(and(eq(schema.users.kind, 'reseller_admin'), eq(schema.users.resellerId, resellerId))),
      );
    expect(await seen({ kind: 'reseller', resellerId: demo!.id })).toEqual([]);
    expect((await seen({ kind: 'reseller', resellerId })).map((r) => r.email).sort()).toEqual(['ana.admin@nova.test', 'bruno.admin@nova.test']);
    const invitationsSeen = await db.scoped({ kind: 'reseller', resellerId: demo!.id }, (tx) =>
      db.query(tx, sql`select id from tenants.invitations where reseller_id = ${resellerId}`),
    );
    expect(invitationsSeen).toEqual([]);
  });
});
