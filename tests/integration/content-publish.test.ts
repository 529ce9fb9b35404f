import { type Database, schema, sessionIdFromToken } from '@painel/core/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

describe.each(testDrivers())('conquistas publish, notify and restore on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let admin: string;
  let trackId: number;
  let resellerId: number;

  const versionPath = (n: number) => `/conteudos/trilhas/${trackId}/versoes/${n}`;
  const publish = (n: number, form: Record<string, string | string[]>, cookie = admin) =>
    t.request(`${versionPath(n)}/publicar`, { form, cookie });

  const notificationsOf = (email: string) =>
    db.scoped({ kind: 'platform' }, (tx) =>
      tx
        .select({ title: schema.notifications.title, body: schema.notifications.body })
        .from(schema.notifications)
        .innerJoin(schema.users, eq(schema.users.id, schema.notifications.userId))
        .where(and(eq(schema.users.email, email), eq(schema.notifications.kind, 'content.published'))),
    );

  /** Puts a logged-in clinic user's session in another of their bases (what "Alterar Clínica" does). */
  const useBase = (cookie: string, clinicId: number) =>
    db.scoped({ kind: 'auth' }, (tx) =>
      tx
        .update(schema.sessions)
        .set({ activeResellerId: resellerId, activeClinicId: clinicId })
        .where(eq(schema.sessions.id, sessionIdFromToken(cookie.split('=')[1]!))),
    );

  const home = async (cookie: string) => (await t.request('/', { cookie })).text();

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    admin = await t.login('singular@demo.test');
    const rows = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ id: number; reseller_id: number }>(tx, sql`select id::int, reseller_id::int from content.tracks where name = 'Processos da Singular Demo'`),
    );
    trackId = Number(rows[0]!.id);
    resellerId = Number(rows[0]!.reseller_id);
  });
  afterAll(async () => {
    await db.close();
  });

  it('has the demo data: v1 live in all bases, v2 a draft, and one notification per clinic user', async () => {
    const page = await (await t.request(`/conteudos/trilhas/${trackId}`, { cookie: admin })).text();
    expect(page).toContain('Publicada em todas as 3 bases');
    expect(page).toContain('Rascunho');
    expect(await notificationsOf('medico@demo.test')).toHaveLength(1);
    expect(await notificationsOf('clinica@demo.test')).toHaveLength(1);
  });

  it('hides a draft version from clinic users at the database level (RLS), not only in the UI', async () => {
    const clinicScope = { kind: 'clinic', resellerId, clinicId: 1002, userId: 1 } as const;
    const visible = await db.scoped(clinicScope, (tx) =>
      db.query<{ number: number }>(tx, sql`select number from content.track_versions where track_id = ${trackId} order by number`),
    );
    expect(visible.map((v) => Number(v.number))).toEqual([1]);
  });

  it('publishes v2 to a chosen base only: live there, notified once, stored targets; other bases keep v1', async () => {
    const medico = await t.login('medico@demo.test');
    await useBase(medico, 1002);
    expect(await home(medico)).not.toContain('Faturamento avançado');

    const res = await publish(2, { alvo: 'escolhidas', bases: ['1002'] });
    expect(res.status).toBe(303);
    const track = await (await t.request(res.headers.get('location')!, { cookie: admin })).text();
    expect(track).toContain('Versão 2 publicada para 1 base escolhida. 1 usuário notificado.');

    expect(await home(medico)).toContain('Faturamento avançado');
    await useBase(medico, 1001);
    expect(await home(medico)).not.toContain('Faturamento avançado');

    const notes = await notificationsOf('medico@demo.test');
    expect(notes).toHaveLength(2);
    expect(notes[1]!.body).toContain('“Faturamento avançado”');
    expect(await notificationsOf('clinica@demo.test')).toHaveLength(1);
    const targets = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ clinic_id: number }>(tx, sql`select clinic_id::int from content.publication_targets`),
    );
    expect(targets.map((r) => Number(r.clinic_id))).toEqual([1002]);
  });

  it('refuses bases of another reseller and boxes ticked with "todas", publishing nothing', async () => {
    const count = () =>
      db.scoped({ kind: 'platform' }, async (tx) => (await db.query<{ n: number }>(tx, sql`select count(*)::int as n from content.publications`))[0]!.n);
    const before = await count();
    const foreign = await publish(2, { alvo: 'escolhidas', ids: '1001, 2001' });
    expect(foreign.status).toBe(303);
    const page = await (await t.request(foreign.headers.get('location')!, { cookie: admin })).text();
    expect(page).toContain('Estas bases não são bases ativas da sua singular: 2001');
    const mixed = await publish(2, { alvo: 'todas', bases: ['1001'] });
    expect(mixed.status).toBe(303);
    expect(await (await t.request(mixed.headers.get('location')!, { cookie: admin })).text()).toContain('Nada foi publicado');
    expect(await count()).toBe(before);
  });

  it('publishes to all bases: one notification per user even with two bases', async () => {
    const before = (await notificationsOf('medico@demo.test')).length;
    const res = await publish(2, { alvo: 'todas' });
    expect(res.status).toBe(303);
    expect((await notificationsOf('medico@demo.test')).length).toBe(before + 1);
    const page = await (await t.request(`/conteudos/trilhas/${trackId}`, { cookie: admin })).text();
    expect(page).toMatch(/Versão 2<\/a>: todas as 3 bases/);
  });

  it('keeps progress across versions and restores an earlier version as a new draft', async () => {
    const medico = await t.login('medico@demo.test');
    await useBase(medico, 1001);
    const doneTask = /<li class="vp-task is-done" data-testid="tarefa">[\s\S]*?<span class="vp-task-title">Autorização de guia – Teleconsulta/;
    expect(await home(medico)).toMatch(doneTask);

    const restore = await t.request(`${versionPath(1)}/restaurar`, { method: 'POST', cookie: admin });
    expect(restore.status).toBe(303);
    expect(restore.headers.get('location')).toBe(versionPath(3));
    const v3 = await (await t.request(versionPath(3), { cookie: admin })).text();
    expect(v3).toContain('Cópia da versão 1, restaurada por Sílvia Singular.');
    expect(v3).toContain('Rascunho');
    expect(v3).toContain('Conquista retirada: “Faturamento avançado”');
    // Nothing changes for clinics until the restored version is published.
    expect(await home(medico)).toContain('Faturamento avançado');
    expect((await publish(3, { alvo: 'todas' })).status).toBe(303);
    const after = await home(medico);
    expect(after).not.toContain('Faturamento avançado');
    expect(after).toMatch(doneTask);
  });

  it('answers 404 for another reseller\'s tracks and 403 for the default track to reseller admins', async () => {
    const vizinha = await t.login('vizinha@demo.test');
    expect((await t.request(`/conteudos/trilhas/${trackId}`, { cookie: vizinha })).status).toBe(404);
    expect((await t.request(versionPath(1), { cookie: vizinha })).status).toBe(404);
    expect((await publish(1, { alvo: 'todas' }, vizinha)).status).toBe(404);
    expect((await t.request('/conteudos/trilhas/padrao/versoes/1/publicar', { form: { alvo: 'todas' }, cookie: admin })).status).toBe(403);
    expect((await t.request('/conteudos/trilhas/padrao', { cookie: admin })).status).toBe(200);
  });

  it('registers the built-in default track only once (platform admins only)', async () => {
    expect((await t.request('/conteudos/trilhas/padrao/registrar', { method: 'POST', cookie: admin })).status).toBe(403);
    const platform = await t.login('plataforma@demo.test');
    const res = await t.request('/conteudos/trilhas/padrao/registrar', { method: 'POST', cookie: platform });
    expect(res.status).toBe(303);
    expect(await (await t.request('/conteudos', { cookie: platform })).text()).toContain('A trilha padrão já estava registrada.');
    const versions = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ n: number }>(tx, sql`select count(*)::int as n from content.platform_versions`),
    );
    expect(versions[0]!.n).toBe(1);
  });
});
