/**
 * "Módulos": a singular's admin turns plugins on and off for its own clinics (SPEC §7), audited; the
 * other singular is untouched, row-level security keeps it so, and the platform keeps its own screen.
 */
import { loadPlugins, schema } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { count } from './tenants-users-helpers.ts';

describe.each(testDrivers())('a singular switches its modules on %s', (driver) => {
  let t: TestApp;
  let close: () => Promise<void>;
  let admin: string;
  let demoId: number;
  let vizinhaId: number;

  beforeAll(async () => {
    const db = await openTestDatabase(driver);
    t = await createTestApp(db, { plugins: await loadPlugins(['@painel/support']) });
    close = async () => {
      await t.host.stop();
      await db.close();
    };
    admin = await t.login('singular@demo.test');
    const rows = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.resellers));
    demoId = rows.find((r) => r.code === '0101')!.id;
    vizinhaId = rows.find((r) => r.code === '0202')!.id;
  });
  afterAll(async () => {
    await close();
  });

  const enabledFor = async (resellerId: number) => {
    const [row] = await t.db.scoped({ kind: 'platform' }, (tx) =>
      t.db.query<{ enabled: boolean }>(tx, sql`select enabled from reseller_plugins where reseller_id = ${resellerId} and plugin_id = 'support'`),
    );
    return row?.enabled ?? true;
  };
  const audits = (action: string, resellerId: number) =>
    count(t.db, sql`select count(*) as n from audit_log where action = ${action} and reseller_id = ${resellerId} and target = 'plugin support'`);

  it('lists the installed plugins with their state, in the admin’s menu', async () => {
    const res = await t.request('/modulos', { cookie: admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('data-testid="module-support"');
    expect(html).toContain('Suporte');
    expect(html).toContain('Desligar');
    expect(html).toContain('href="/modulos"');
  });

  it('turns the support plugin off for its clinics only, audited, then on again', async () => {
    const gestor = await t.login('clinica@demo.test');
    const neighbour = await t.login('vizinha@demo.test');
    expect((await t.request('/p/support/chamados', { cookie: gestor })).status).toBe(200);

    const off = await t.request('/modulos/support', { cookie: admin, form: { enabled: 'false' } });
    expect(off.status).toBe(303);
    expect(await enabledFor(demoId)).toBe(false);
    expect(await enabledFor(vizinhaId)).toBe(true);
    expect(await audits('plugin.disabled', demoId)).toBe(1);
    expect((await t.request('/p/support/chamados', { cookie: gestor })).status).toBe(404);
    expect((await t.request('/p/support/singular', { cookie: neighbour })).status).toBe(200);
    const page = await (await t.request('/modulos', { cookie: admin })).text();
    expect(page).toContain('Desligado');
    const platform = await t.login('plataforma@demo.test');
    const platformPage = await (await t.request('/plataforma/plugins/support', { cookie: platform })).text();
    expect(platformPage).toMatch(/data-testid="reseller-0101"[\s\S]*?Desligado/);

    const on = await t.request('/modulos/support', { cookie: admin, form: { enabled: 'true' } });
    expect(on.status).toBe(303);
    expect(await enabledFor(demoId)).toBe(true);
    expect(await audits('plugin.enabled', demoId)).toBe(1);
    expect((await t.request('/p/support/chamados', { cookie: gestor })).status).toBe(200);
  });

  it('refuses other people, unknown plugins and bad values, changing nothing', async () => {
    for (const email of ['clinica@demo.test', 'plataforma@demo.test', 'suporte@demo.test']) {
      const cookie = await t.login(email);
      expect((await t.request('/modulos', { cookie })).status, email).toBe(403);
      expect((await t.request('/modulos/support', { cookie, form: { enabled: 'false' } })).status, email).toBe(403);
    }
    expect((await t.request('/modulos/nao-existe', { cookie: admin, form: { enabled: 'false' } })).status).toBe(404);
    expect((await t.request('/modulos/support', { cookie: admin, form: { enabled: 'talvez' } })).status).toBe(400);
    expect([await enabledFor(demoId), await enabledFor(vizinhaId)]).toEqual([true, true]);
  });

  it('row-level security: one singular cannot switch another singular’s plugin; a clinic scope cannot switch at all', async () => {
    const switchAs = (scope: Parameters<typeof t.db.scoped>[0], resellerId: number) =>
      t.db.scoped(scope, (tx) =>
        t.db.query(
          tx,
          sql`insert into reseller_plugins (reseller_id, plugin_id, enabled, updated_at) values (${resellerId}, 'support', false, now())
              on conflict (reseller_id, plugin_id) do update set enabled = false`,
        ),
      );
    await expect(switchAs({ kind: 'reseller', resellerId: demoId }, vizinhaId)).rejects.toThrow();
    await expect(switchAs({ kind: 'clinic', resellerId: demoId, clinicId: 1001 }, demoId)).rejects.toThrow();
    expect([await enabledFor(demoId), await enabledFor(vizinhaId)]).toEqual([true, true]);
    const [row] = await t.db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.resellers).where(eq(schema.resellers.id, vizinhaId)));
    expect(row?.code).toBe('0202');
  });
});
