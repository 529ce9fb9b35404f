import { createHash } from 'node:crypto';
import { type Database, schema } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import {
  auditRows,
  count,
  createClinicUser,
  currentBaseOf,
  flashOf,
  follow,
  invitationTokenIn,
  membershipsOf,
  userIdOf,
  userRow,
} from './tenants-users-helpers.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe.each(testDrivers())('users and invitations on %s', (driver) => {
  let db: Database;
  let t: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
  });
  afterAll(async () => {
    await db.close();
  });

  async function invite(cookie: string, form: Record<string, string>) {
    return t.request('/usuarios/convidar', { cookie, form: { perfil: 'secretaria', ...form } });
  }

  it('invites by e-mail: invited account, membership, hashed token, outbox e-mail, audit — then the invitee sets a password and is in', async () => {
    const admin = await t.session('singular@demo.test');
    const res = await invite(admin, { nome: 'Nádia Nova', email: ' Nadia.Nova@Clinica.test ', base: '1002', perfil: 'financeiro' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('Convite criado');
    const token = invitationTokenIn(html);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(html).toContain('http://localhost/convite/');
    expect(html).toMatch(/vale até <strong>09\/03\/2026 09:00<\/strong>/);

    const user = await userRow(db, 'nadia.nova@clinica.test');
    expect(user).toMatchObject({ name: 'Nádia Nova', kind: 'clinic_user', status: 'invited', passwordHash: null });
    expect(await membershipsOf(db, 'nadia.nova@clinica.test')).toEqual([{ clinicId: 1002, role: 'financeiro' }]);

    const stored = await count(db, sql`select count(*) as n from tenants.invitations where token_hash = ${sha256(token!)}`);
    expect(stored).toBe(1);
    const leaked = await count(
      db,
      sql`select count(*) as n from tenants.invitations i where i.token_hash = ${token} or i.email = ${token} or exists (select 1 from sessions s where s.id = ${token})`,
    );
    expect(leaked).toBe(0);
    const [expiry] = await db.scoped({ kind: 'platform' }, (tx) =>
      db.query<{ expires_at: string | Date }>(tx, sql`select expires_at from tenants.invitations where token_hash = ${sha256(token!)}`),
    );
    expect(new Date(expiry!.expires_at).toISOString()).toBe('2026-03-09T12:00:00.000Z');

    const [mail] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, 'nadia.nova@clinica.test')),
    );
    expect(mail?.subject).toBe('Convite para o Painel Singular — Clínica Demo Norte');
    expect(mail?.body).toContain(`http://localhost/convite/${token}`);
    expect(mail?.body).toContain('perfil Financeiro');
    expect(mail?.sentAt).toBeNull();

    const audit = (await auditRows(db, 'user.invite')).at(-1);
    expect(audit).toMatchObject({ actor_email: 'singular@demo.test', clinic_id: 1002, outcome: 'allowed' });

    // The invitee cannot log in yet.
    expect((await t.request('/login', { form: { email: 'nadia.nova@clinica.test', password: 'qualquer1' } })).status).toBe(401);

    const open = await t.request(`/convite/${token}`);
    expect(open.status).toBe(200);
    const openHtml = await open.text();
    expect(openHtml).toContain('Criar sua senha');
    expect(openHtml).toContain('Clínica Demo Norte');
    expect(open.headers.get('cache-control')).toBe('no-store');

    const short = await t.request(`/convite/${token}`, { form: { senha: 'curta', confirmacao: 'curta' } });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain('pelo menos 8 caracteres');
    const mismatch = await t.request(`/convite/${token}`, { form: { senha: 'senha-forte-1', confirmacao: 'senha-forte-2' } });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain('A confirmação não é igual à senha');
    expect((await userRow(db, 'nadia.nova@clinica.test'))?.status).toBe('invited');

    const accepted = await t.request(`/convite/${token}`, { form: { senha: 'senha-forte-1', confirmacao: 'senha-forte-1' } });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get('location')).toBe('/');
    const cookie = (accepted.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^painel_sessao=/);
    const home = await t.request('/', { cookie });
    expect(home.status).toBe(200);
    const homeHtml = await home.text();
    expect(homeHtml).toContain('Nádia');
    expect(currentBaseOf(homeHtml)).toBe('Clínica Demo Norte · id 1002');
    expect((await userRow(db, 'nadia.nova@clinica.test'))?.status).toBe('active');
    expect((await auditRows(db, 'invitation.accept')).at(-1)).toMatchObject({ actor_email: 'nadia.nova@clinica.test', clinic_id: 1002 });

    const again = await t.request(`/convite/${token}`);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('Convite já usado');
    const reuse = await t.request(`/convite/${token}`, { form: { senha: 'outra-senha-9', confirmacao: 'outra-senha-9' } });
    expect(reuse.status).toBe(410);

    expect((await t.request('/login', { form: { email: 'nadia.nova@clinica.test', password: 'senha-forte-1' } })).status).toBe(303);
  });

  it('expires links after 7 days with a clear page, and a new link replaces the old one', async () => {
    const admin = await t.session('clinica@demo.test');
    const res = await invite(admin, { nome: 'Eva Expira', email: 'eva.expira@clinica.test', base: '1001' });
    const token = invitationTokenIn(await res.text())!;
    expect(token).toBeTruthy();
    t.clock.advance(7 * 24 * 60 * 60_000 + 60_000);
    const late = await t.request(`/convite/${token}`);
    expect(late.status).toBe(410);
    expect(await late.text()).toContain('Convite expirado');
    const latePost = await t.request(`/convite/${token}`, { form: { senha: 'senha-forte-1', confirmacao: 'senha-forte-1' } });
    expect(latePost.status).toBe(410);
    expect((await userRow(db, 'eva.expira@clinica.test'))?.status).toBe('invited');

    const admin2 = await t.session('clinica@demo.test');
    const evaId = await userIdOf(db, 'eva.expira@clinica.test');
    const detail = await (await t.request(`/usuarios/${evaId}`, { cookie: admin2 })).text();
    expect(detail).toContain('expirou em');
    const reissued = await t.request(`/usuarios/${evaId}/convite`, { cookie: admin2, form: { base: '1001' } });
    expect(reissued.status).toBe(200);
    const fresh = invitationTokenIn(await reissued.text());
    expect(fresh).toBeTruthy();
    expect(fresh).not.toBe(token);
    expect((await t.request(`/convite/${fresh}`)).status).toBe(200);
    expect((await auditRows(db, 'invitation.reissue')).length).toBeGreaterThan(0);
    expect((await t.request('/convite/nao-existe')).status).toBe(404);
  });

  it('adds a membership when the e-mail already has an account, and says so', async () => {
    const admin = await t.session('singular@demo.test');
    const before = await count(db, sql`select count(*) as n from users`);
    const res = await invite(admin, { nome: 'Outro Nome', email: 'medico@demo.test', base: '1003', perfil: 'medico' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('já tinha cadastro no Painel');
    expect(invitationTokenIn(html)).toBeNull();
    expect(await count(db, sql`select count(*) as n from users`)).toBe(before);
    expect(await membershipsOf(db, 'medico@demo.test')).toEqual([
      { clinicId: 1001, role: 'medico' },
      { clinicId: 1002, role: 'medico' },
      { clinicId: 1003, role: 'medico' },
    ]);
    expect((await userRow(db, 'medico@demo.test'))?.name).toBe('Dr. Marcos Médico');

    const dup = await invite(admin, { nome: 'Marcos', email: 'medico@demo.test', base: '1003' });
    expect(dup.status).toBe(400);
    expect(await dup.text()).toContain('já tem acesso à base Clínica Demo Sul');
  });

  it('refuses bad input and bases outside the admin’s reach, writing nothing', async () => {
    const gestor = await t.session('clinica@demo.test');
    const users0 = await count(db, sql`select count(*) as n from users`);
    const badEmail = await invite(gestor, { nome: 'Fulano', email: 'nao-e-email', base: '1001' });
    expect(badEmail.status).toBe(400);
    expect(await badEmail.text()).toContain('não é um e-mail válido');
    const otherBase = await invite(gestor, { nome: 'Fulano', email: 'fulano.x@clinica.test', base: '1002' });
    expect(otherBase.status).toBe(400);
    expect(await otherBase.text()).toContain('não foi encontrada entre as bases que você administra');
    const vizinha = await t.session('vizinha@demo.test');
    const foreign = await invite(vizinha, { nome: 'Fulano', email: 'fulano.y@clinica.test', base: '1001' });
    expect(foreign.status).toBe(400);
    const badRole = await invite(gestor, { nome: 'Fulano', email: 'fulano.z@clinica.test', base: '1001', perfil: 'dono' });
    expect(badRole.status).toBe(400);
    const admin = await t.session('singular@demo.test');
    const adminMail = await invite(admin, { nome: 'Fulano', email: 'vizinha@demo.test', base: '1001' });
    expect(adminMail.status).toBe(400);
    expect(await adminMail.text()).toContain('pertence a um administrador');
    expect(await count(db, sql`select count(*) as n from users`)).toBe(users0);
    expect(await count(db, sql`select count(*) as n from memberships m join users u on u.id = m.user_id where u.email like 'fulano%'`)).toBe(0);
  });

  it('lists and searches the users each admin may see', async () => {
    const admin = await t.session('singular@demo.test');
    const all = await (await t.request('/usuarios', { cookie: admin })).text();
    expect(all).toContain('clinica@demo.test');
    expect(all).toContain('medico@demo.test');
    expect(all).toContain('singular@demo.test');
    expect(all).not.toContain('vizinha@demo.test');
    const search = await (await t.request('/usuarios?q=Carla', { cookie: admin })).text();
    expect((search.match(/data-testid="user-row"/g) ?? []).length).toBe(1);
    const fragment = await t.request('/usuarios?q=medico', { cookie: admin, headers: { 'hx-request': 'true' } });
    const fragmentHtml = await fragment.text();
    expect(fragmentHtml.startsWith('<div id="users-results">')).toBe(true);
    expect(fragmentHtml).toContain('medico@demo.test');
    const byBase = await (await t.request('/usuarios?base=1002', { cookie: admin })).text();
    expect(byBase).toContain('medico@demo.test');
    expect(byBase).not.toContain('clinica@demo.test');

    const gestor = await t.session('clinica@demo.test');
    const mine = await (await t.request('/usuarios', { cookie: gestor })).text();
    expect(mine).toContain('medico@demo.test');
    expect(mine).not.toContain('singular@demo.test');
    expect(mine).toContain('Clínica Demo Centro (id 1001)');

    const vizinha = await t.session('vizinha@demo.test');
    const theirs = await (await t.request('/usuarios', { cookie: vizinha })).text();
    expect(theirs).not.toContain('medico@demo.test');
    const medicoId = await userIdOf(db, 'medico@demo.test');
    expect((await t.request(`/usuarios/${medicoId}`, { cookie: vizinha })).status).toBe(404);
  });

  it('changes roles per base and removes access, within the admin’s reach only', async () => {
    await createClinicUser(db, 'rosa.roles@clinica.test', 'Rosa Roles', [
      { clinicId: 1001, role: 'secretaria' },
      { clinicId: 1002, role: 'secretaria' },
    ]);
    const rosa = await userIdOf(db, 'rosa.roles@clinica.test');
    const gestor = await t.session('clinica@demo.test');
    const changed = await t.request(`/usuarios/${rosa}/vinculos/1001/perfil`, { cookie: gestor, form: { perfil: 'financeiro' } });
    expect(changed.status).toBe(303);
    expect(flashOf(await (await follow(t, changed, gestor)).text())).toContain('de Secretária para Financeiro');
    expect(await membershipsOf(db, 'rosa.roles@clinica.test')).toEqual([
      { clinicId: 1001, role: 'financeiro' },
      { clinicId: 1002, role: 'secretaria' },
    ]);
    expect((await auditRows(db, 'membership.role_change')).at(-1)).toMatchObject({
      clinic_id: 1001,
      details: { from: 'secretaria', to: 'financeiro' },
    });
    // Tampered URL: the gestor of 1001 cannot touch the membership in 1002.
    const tampered = await t.request(`/usuarios/${rosa}/vinculos/1002/perfil`, { cookie: gestor, form: { perfil: 'gestor' } });
    expect(tampered.status).toBe(404);
    const tamperedRemove = await t.request(`/usuarios/${rosa}/vinculos/1002/remover`, { cookie: gestor, method: 'POST' });
    expect(tamperedRemove.status).toBe(404);
    expect((await membershipsOf(db, 'rosa.roles@clinica.test'))[1]).toEqual({ clinicId: 1002, role: 'secretaria' });
    // Nobody changes their own role.
    const me = await userIdOf(db, 'clinica@demo.test');
    const own = await t.request(`/usuarios/${me}/vinculos/1001/perfil`, { cookie: gestor, form: { perfil: 'secretaria' } });
    expect(flashOf(await (await follow(t, own, gestor)).text())).toContain('Você não pode alterar o seu próprio perfil');
    expect((await membershipsOf(db, 'clinica@demo.test'))[0]?.role).toBe('gestor');
    const badRole = await t.request(`/usuarios/${rosa}/vinculos/1001/perfil`, { cookie: gestor, form: { perfil: 'rei' } });
    expect(flashOf(await (await follow(t, badRole, gestor)).text())).toBe('Escolha um perfil válido.');

    const admin = await t.session('singular@demo.test');
    const added = await t.request(`/usuarios/${rosa}/vinculos`, { cookie: admin, form: { base: '1003', perfil: 'medico' } });
    expect(flashOf(await (await follow(t, added, admin)).text())).toContain('agora tem acesso à base Clínica Demo Sul');
    const foreignAdd = await t.request(`/usuarios/${rosa}/vinculos`, { cookie: admin, form: { base: '2001', perfil: 'medico' } });
    expect(flashOf(await (await follow(t, foreignAdd, admin)).text())).toContain('não foi encontrada');
    const removed = await t.request(`/usuarios/${rosa}/vinculos/1003/remover`, { cookie: admin, method: 'POST' });
    expect(removed.status).toBe(303);
    expect(await membershipsOf(db, 'rosa.roles@clinica.test')).toEqual([
      { clinicId: 1001, role: 'financeiro' },
      { clinicId: 1002, role: 'secretaria' },
    ]);
    expect((await auditRows(db, 'membership.remove')).at(-1)).toMatchObject({ clinic_id: 1003, actor_email: 'singular@demo.test' });
  });

  it('deactivates a user: every session ends at once, login refused; reactivation restores access', async () => {
    await createClinicUser(db, 'dora.desativa@clinica.test', 'Dora Desativa', [
      { clinicId: 1001, role: 'secretaria' },
      { clinicId: 1002, role: 'medico' },
    ]);
    const dora = await userIdOf(db, 'dora.desativa@clinica.test');
    const s1 = await t.login('dora.desativa@clinica.test');
    const s2 = await t.login('dora.desativa@clinica.test');
    expect((await t.request('/', { cookie: s1 })).status).toBe(200);

    // The gestor of 1001 cannot: Dora also works in 1002.
    const gestor = await t.session('clinica@demo.test');
    const refused = await t.request(`/usuarios/${dora}/desativar`, { cookie: gestor, method: 'POST' });
    expect(flashOf(await (await follow(t, refused, gestor)).text())).toContain('também tem acesso a outras bases');
    expect((await userRow(db, 'dora.desativa@clinica.test'))?.status).toBe('active');
    // Another singular's admin does not even see her.
    const vizinha = await t.session('vizinha@demo.test');
    expect((await t.request(`/usuarios/${dora}/desativar`, { cookie: vizinha, method: 'POST' })).status).toBe(404);

    const admin = await t.session('singular@demo.test');
    const res = await t.request(`/usuarios/${dora}/desativar`, { cookie: admin, method: 'POST' });
    expect(res.status).toBe(303);
    expect(flashOf(await (await follow(t, res, admin)).text())).toContain('as 2 sessões abertas foram encerradas');
    expect((await userRow(db, 'dora.desativa@clinica.test'))?.status).toBe('inactive');
    expect(await count(db, sql`select count(*) as n from sessions where user_id = ${dora}`)).toBe(0);
    for (const cookie of [s1, s2]) {
      const after = await t.request('/', { cookie });
      expect(after.status).toBe(303);
      expect(after.headers.get('location')).toMatch(/^\/login/);
    }
    expect((await t.request('/login', { form: { email: 'dora.desativa@clinica.test', password: 'demo1234' } })).status).toBe(401);
    expect((await auditRows(db, 'user.deactivate')).at(-1)).toMatchObject({ actor_email: 'singular@demo.test', target: expect.stringContaining('dora.desativa') });

    const back = await t.request(`/usuarios/${dora}/reativar`, { cookie: admin, method: 'POST' });
    expect(back.status).toBe(303);
    expect((await userRow(db, 'dora.desativa@clinica.test'))?.status).toBe('active');
    expect((await t.request('/login', { form: { email: 'dora.desativa@clinica.test', password: 'demo1234' } })).status).toBe(303);
  });

  it('"Dar acesso a outra base" offers only bases the user does not have yet, on the page and in the live search', async () => {
    const admin = await t.login('singular@demo.test');
    const medico = await createClinicUser(db, 'parcial@clinica.test', 'Dra. Paula Parcial', [
      { clinicId: 1001, role: 'medico' },
      { clinicId: 1002, role: 'secretaria' },
    ]);
    const offered = (html: string) =>
      [...(/data-testid="base-options"[\s\S]*?<\/div>/.exec(html)?.[0] ?? '').matchAll(/name="base" value="(\d+)"/g)].map((m) => Number(m[1]));
    // She works in 1001 and 1002; only 1003 remains.
    const page = await (await t.request(`/usuarios/${medico}?buscaBase=Cl%C3%ADnica`, { cookie: admin })).text();
    expect(offered(page)).toEqual([1003]);
    expect(page).toContain(`usuario=${medico}`);
    const live = await (await t.request(`/usuarios/bases?campo=base&buscaBase=Cl%C3%ADnica&usuario=${medico}`, { cookie: admin })).text();
    expect(offered(live)).toEqual([1003]);
    // Without a user (invite form), every base of the singular is offered.
    const all = await (await t.request('/usuarios/bases?campo=base&buscaBase=Cl%C3%ADnica', { cookie: admin })).text();
    expect(offered(all).sort()).toEqual([1001, 1002, 1003]);
  });

  it('never lets anyone deactivate themselves', async () => {
    const admin = await t.session('singular@demo.test');
    const me = await userIdOf(db, 'singular@demo.test');
    const res = await t.request(`/usuarios/${me}/desativar`, { cookie: admin, method: 'POST' });
    expect(flashOf(await (await follow(t, res, admin)).text())).toBe('Você não pode desativar a sua própria conta.');
    expect((await userRow(db, 'singular@demo.test'))?.status).toBe('active');
    const gestor = await t.session('clinica@demo.test');
    const gestorId = await userIdOf(db, 'clinica@demo.test');
    await t.request(`/usuarios/${gestorId}/desativar`, { cookie: gestor, method: 'POST' });
    expect((await userRow(db, 'clinica@demo.test'))?.status).toBe('active');
  });
});
