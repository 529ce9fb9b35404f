import { type Database, schema, sessionIdFromToken } from '@painel/core/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { auditRows, createClinicUser, currentBaseOf, flashOf } from './tenants-users-helpers.ts';

const switchRows = (html: string) => (html.match(/data-testid="switch-row"/g) ?? []).length;

describe.each(testDrivers())('Alterar Clínica on %s', (driver) => {
  let db: Database;
  let t: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  /** The session row behind a cookie ("painel_sessao=<token>"). */
  async function sessionOf(cookie: string) {
    const id = sessionIdFromToken(cookie.split('=')[1] ?? '');
    const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.sessions).where(eq(schema.sessions.id, id)));
    return row!;
  }

  it('lets medico@ switch Centro ↔ Norte; every page then shows the active base', async () => {
    const cookie = await t.session('medico@demo.test');
    const home = await (await t.request('/', { cookie })).text();
    expect(currentBaseOf(home)).toBe('Clínica Demo Centro · id 1001');
    expect(home).toContain('data-testid="switch-clinic"');

    const page = await t.request('/alterar-clinica', { cookie, headers: { referer: 'http://localhost/minhas-sessoes' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(switchRows(html)).toBe(2);
    expect(html).toContain('Base atual');
    expect(html).toContain('Efetuar troca');
    expect(html).toContain('name="voltar" value="/minhas-sessoes"');

    const res = await t.request('/alterar-clinica', { cookie, form: { base: '1002', voltar: '/minhas-sessoes' } });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/minhas-sessoes');
    const landed = await (await t.request('/minhas-sessoes', { cookie })).text();
    expect(flashOf(landed)).toBe('Você está agora na base Clínica Demo Norte (id 1002).');
    for (const path of ['/', '/minhas-sessoes', '/notificacoes', '/alterar-clinica']) {
      const r = await t.request(path, { cookie });
      expect(r.status, path).toBe(200);
      expect(currentBaseOf(await r.text()), path).toBe('Clínica Demo Norte · id 1002');
    }
    const session = await sessionOf(cookie);
    expect(session).toMatchObject({ activeClinicId: 1002 });
    expect((await auditRows(db, 'clinic.switch')).at(-1)).toMatchObject({
      actor_email: 'medico@demo.test',
      clinic_id: 1002,
      details: { from: { clinicId: 1001 } },
    });

    const back = await t.request('/alterar-clinica', { cookie, form: { base: '1001', voltar: '/' } });
    expect(back.status).toBe(303);
    expect(currentBaseOf(await (await t.request('/', { cookie })).text())).toBe('Clínica Demo Centro · id 1001');
  });

  it('refuses bases the user cannot reach (tampered form), changing nothing', async () => {
    const cookie = await t.session('medico@demo.test');
    for (const base of ['1003', '2001', '99999', 'abc', '']) {
      const res = await t.request('/alterar-clinica', { cookie, form: { base, voltar: '/' } });
      expect(res.status, base).toBe(404);
    }
    expect((await sessionOf(cookie)).activeClinicId).toBeNull();
    expect(currentBaseOf(await (await t.request('/', { cookie })).text())).toBe('Clínica Demo Centro · id 1001');
    const offsite = await t.request('/alterar-clinica', { cookie, form: { base: '1002', voltar: '//evil.example/' } });
    expect(offsite.headers.get('location')).toBe('/');
  });

  it('is not there for users with one base', async () => {
    const cookie = await t.session('clinica@demo.test');
    const home = await (await t.request('/', { cookie })).text();
    expect(home).not.toContain('data-testid="switch-clinic"');
    expect(currentBaseOf(home)).toBe('Clínica Demo Centro · id 1001');
    expect((await t.request('/alterar-clinica', { cookie })).status).toBe(404);
    expect((await t.request('/alterar-clinica', { cookie, form: { base: '1001' } })).status).toBe(404);
    await createClinicUser(db, 'sec.unica@clinica.test', 'Sara Única', [{ clinicId: 1001, role: 'secretaria' }]);
    const sara = await t.login('sec.unica@clinica.test');
    expect((await t.request('/alterar-clinica', { cookie: sara })).status).toBe(404);
    const support = await t.session('suporte@demo.test');
    expect((await t.request('/alterar-clinica', { cookie: support })).status).toBe(404);
    expect((await t.request('/alterar-clinica')).headers.get('location')).toBe('/login?next=%2Falterar-clinica');
  });

  it('lets a reseller admin search all bases of the singular by keyword or id, and only those', async () => {
    const cookie = await t.session('singular@demo.test');
    const all = await (await t.request('/alterar-clinica', { cookie })).text();
    expect(switchRows(all)).toBe(3);
    expect(all).not.toContain('Vizinha');
    const norte = await (await t.request('/alterar-clinica?q=norte', { cookie })).text();
    expect(switchRows(norte)).toBe(1);
    expect(norte).toContain('Clínica Demo Norte');
    const byId = await t.request('/alterar-clinica?q=1003', { cookie, headers: { 'hx-request': 'true' } });
    const fragment = await byId.text();
    expect(fragment.startsWith('<div id="switch-results">')).toBe(true);
    expect(switchRows(fragment)).toBe(1);
    expect(fragment).toContain('Clínica Demo Sul');
    expect(switchRows(await (await t.request('/alterar-clinica?q=2001', { cookie })).text())).toBe(0);
    expect((await t.request('/alterar-clinica', { cookie, form: { base: '2001' } })).status).toBe(404);
    const ok = await t.request('/alterar-clinica', { cookie, form: { base: '1003', voltar: '/usuarios/7' } });
    expect(ok.headers.get('location')).toBe('/usuarios');
    expect(currentBaseOf(await (await t.request('/', { cookie })).text())).toBe('Clínica Demo Sul · id 1003');
    const left = await t.request('/alterar-clinica/sair', { cookie, method: 'POST' });
    expect(left.status).toBe(303);
    expect(currentBaseOf(await (await t.request('/', { cookie })).text())).toBeNull();
  });

  it('lets a platform admin enter any singular’s base (the reseller is stored too)', async () => {
    const cookie = await t.session('plataforma@demo.test');
    const all = await (await t.request('/alterar-clinica', { cookie })).text();
    expect(switchRows(all)).toBe(5);
    expect(all).toContain('Singular Vizinha');
    const res = await t.request('/alterar-clinica', { cookie, form: { base: '2001', voltar: '/' } });
    expect(res.status).toBe(303);
    const session = await sessionOf(cookie);
    expect(session.activeClinicId).toBe(2001);
    expect(session.activeResellerId).not.toBeNull();
    expect(currentBaseOf(await (await t.request('/', { cookie })).text())).toBe('Clínica Vizinha Alfa · id 2001');
  });
});
