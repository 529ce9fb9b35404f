import { type Database, schema } from '@painel/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { auditRows, createClinicUser, flashOf, follow, membershipsOf, setClinicStatus } from './tenants-users-helpers.ts';

const statuses = (html: string) =>
  Object.fromEntries([...html.matchAll(/<tr data-testid="preview-row" data-status="(\w+)"><td class="mono">(\d+)<\/td>/g)].map((m) => [m[2], m[1]]));

/** The confirm form's hidden fields, as the browser would send them. */
function confirmForm(html: string): Record<string, string[]> {
  const form = /<form method="post" action="\/usuarios\/multi-clinica\/confirmar"[\s\S]*?<\/form>/.exec(html)?.[0] ?? '';
  const out: Record<string, string[]> = {};
  for (const m of form.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)"/g)) (out[m[1]!] ??= []).push(m[2]!.replace(/&#64;|&amp;/g, (e) => (e === '&amp;' ? '&' : '@')));
  const role = /<option value="(\w+)" selected/.exec(form)?.[1];
  if (role) out.perfil = [role];
  return out;
}

const seedRequest = (email: string, existing: string, list: string) =>
  `Usuário: ${email}\nJá está cadastrado na clínica: ${existing}\nMulti clínica para as clínicas: ${list}`;

describe.each(testDrivers())('multi-clinic access on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    const [demo] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.clinics).limit(1));
    await db.scoped({ kind: 'platform' }, (tx) =>
      tx.insert(schema.clinics).values({ resellerId: demo!.resellerId, id: 1004, name: 'Clínica Demo Leste', status: 'inactive' }),
    );
    admin = await t.login('singular@demo.test');
  });
  afterAll(async () => {
    await db.close();
  });

  const preview = (form: Record<string, string | string[]>, cookie = admin) =>
    t.request('/usuarios/multi-clinica/previa', { cookie, form });

  it('reads the request exactly as seed 001 writes it and previews every base', async () => {
    const page = await t.request('/usuarios/multi-clinica', { cookie: admin });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Multi clínica para as clínicas');

    const res = await preview({ modo: 'texto', pedido: seedRequest('medico@demo.test', '1001', '1002, 1003, 2001, 9999, 1004') });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(statuses(html)).toEqual({ '1002': 'member', '1003': 'new', '2001': 'other_reseller', '9999': 'not_found', '1004': 'inactive' });
    expect(html).toContain('já é membro');
    expect(html).toContain('novo vínculo');
    expect(html).toContain('outra singular — recusada');
    expect(html).toContain('base não encontrada');
    expect(html).toContain('base inativa');
    expect(html).toContain('Dr. Marcos Médico');
    expect(html).not.toContain('Clínica Vizinha Alfa'); // another singular's base: refused, never described
    expect(html).toMatch(/1 novo vínculo · 1 já é membro · 3 recusadas/);
    expect(confirmForm(html).perfil).toEqual(['medico']); // default: the role in the "já está cadastrado" base
    expect(await membershipsOf(db, 'medico@demo.test')).toHaveLength(2); // nothing written by a preview
  });

  it('refuses to confirm while refused rows remain, unless the admin explicitly skips them', async () => {
    const html = await (await preview({ modo: 'texto', pedido: seedRequest('medico@demo.test', '1001', '1002, 1003, 2001') })).text();
    const form = confirmForm(html);
    // Explicit buttons, no checkbox the browser insists on: the confirm button itself carries the choice.
    expect(html).not.toContain('type="checkbox" name="ignorarRecusadas"');
    expect(html).toMatch(/<button type="submit" name="ignorarRecusadas" value="1" data-testid="confirm-button">Confirmar sem a base recusada<\/button>/);
    expect(html).toMatch(/<a href="\/usuarios\/multi-clinica" role="button"[^>]*>Cancelar<\/a>/);
    const blocked = await t.request('/usuarios/multi-clinica/confirmar', { cookie: admin, form });
    expect(blocked.status).toBe(400);
    expect(await blocked.text()).toContain('Nada foi gravado: 1 base foi recusada. Corrija o pedido ou use “Confirmar sem a base recusada”.');
    expect(await membershipsOf(db, 'medico@demo.test')).toHaveLength(2);

    // Tampered hidden fields: claiming the other singular's base as a new membership changes nothing.
    const tampered = await t.request('/usuarios/multi-clinica/confirmar', {
      cookie: admin,
      form: { ...form, esperado: ['1003', '2001'], ignorarRecusadas: '1' },
    });
    expect(tampered.status).toBe(409);
    expect(await tampered.text()).toContain('A situação das bases mudou desde a prévia');
    expect(await membershipsOf(db, 'medico@demo.test')).toHaveLength(2);

    const ok = await t.request('/usuarios/multi-clinica/confirmar', { cookie: admin, form: { ...form, ignorarRecusadas: '1' } });
    expect(ok.status).toBe(303);
    const landed = await (await follow(t, ok, admin)).text();
    expect(flashOf(landed)).toContain('1 novo vínculo criado para medico@demo.test (1003)');
    expect(await membershipsOf(db, 'medico@demo.test')).toEqual([
      { clinicId: 1001, role: 'medico' },
      { clinicId: 1002, role: 'medico' },
      { clinicId: 1003, role: 'medico' },
    ]);
    const added = (await auditRows(db, 'membership.add')).filter((r) => r.details?.via === 'multi_clinic');
    expect(added.map((r) => r.clinic_id)).toContain(1003);
    const summary = (await auditRows(db, 'user.multi_clinic')).at(-1);
    expect(summary?.details).toMatchObject({ added: [1003], alreadyMember: [1002], refused: [{ base: 2001, status: 'other_reseller' }] });
  });

  it('writes all or nothing: if one base changes before confirming, no membership is created', async () => {
    await createClinicUser(db, 'tudo.ou.nada@clinica.test', 'Tânia Tudo', [{ clinicId: 1001, role: 'financeiro' }]);
    const html = await (await preview({ modo: 'texto', pedido: seedRequest('tudo.ou.nada@clinica.test', '1001', '1002 e 1003') })).text();
    expect(statuses(html)).toEqual({ '1002': 'new', '1003': 'new' });
    const form = confirmForm(html);
    expect(form.perfil).toEqual(['financeiro']);
    await setClinicStatus(db, 1003, 'inactive');
    const res = await t.request('/usuarios/multi-clinica/confirmar', { cookie: admin, form });
    expect([400, 409]).toContain(res.status);
    expect(await membershipsOf(db, 'tudo.ou.nada@clinica.test')).toEqual([{ clinicId: 1001, role: 'financeiro' }]);
    await setClinicStatus(db, 1003, 'active');
    const ok = await t.request('/usuarios/multi-clinica/confirmar', { cookie: admin, form: { ...form, perfil: ['secretaria'] } });
    expect(ok.status).toBe(303);
    expect(await membershipsOf(db, 'tudo.ou.nada@clinica.test')).toEqual([
      { clinicId: 1001, role: 'financeiro' },
      { clinicId: 1002, role: 'secretaria' },
      { clinicId: 1003, role: 'secretaria' },
    ]);
  });

  it('refuses bases of another singular, with the reason, for the other admin too', async () => {
    const vizinha = await t.login('vizinha@demo.test');
    const html = await (await preview({ modo: 'texto', pedido: seedRequest('medico@demo.test', '1001', '2001, 1002') }, vizinha)).text();
    expect(statuses(html)).toEqual({ '2001': 'new', '1002': 'other_reseller' });
    expect(html).toContain('A base pertence a outra singular');
    expect(html).toContain('cadastrado no Painel (ainda sem acesso a bases desta singular)');
    expect(html).not.toContain('Dr. Marcos Médico');
  });

  it('says when the e-mail is unknown and offers to invite', async () => {
    const res = await preview({ modo: 'texto', pedido: seedRequest('ninguem@clinica.test', '1001', '1002') });
    const html = await res.text();
    expect(html).toContain('O e-mail ninguem@clinica.test não está cadastrado no Painel');
    expect(html).toContain('/usuarios/convidar?email=ninguem%40clinica.test&amp;base=1002');
    expect(html).not.toContain('data-testid="confirm-button"');
  });

  it('reports unreadable requests line by line and writes nothing', async () => {
    const res = await preview({ modo: 'texto', pedido: 'Usuário: medico@demo\nMulti clínica para as clínicas: 1002, abc' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('O pedido não pôde ser lido');
    expect(html).toMatch(/Linha 1: /);
    expect(html).toMatch(/Linha 2: /);
  });

  it('accepts the form: e-mail, picked bases and typed ids', async () => {
    const res = await preview({ modo: 'formulario', email: 'clinica@demo.test', bases: ['1002'], ids: '1003, 9999', perfil: 'gestor' });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(statuses(html)).toEqual({ '1002': 'new', '1003': 'new', '9999': 'not_found' });
    expect(confirmForm(html).perfil).toEqual(['gestor']);
    const bad = await preview({ modo: 'formulario', email: 'nao-email', ids: '12a' });
    expect(bad.status).toBe(400);
    const badHtml = await bad.text();
    expect(badHtml).toContain('não é um e-mail válido');
    expect(badHtml).toContain('use apenas números');
  });

  it('searches bases for the picker inside the admin’s singular only', async () => {
    const res = await t.request('/usuarios/bases?campo=bases&multiplas=1&buscaBase=Cl%C3%ADnica&bases=1001', { cookie: admin });
    const html = await res.text();
    expect(html).toMatch(/type="checkbox" name="bases" value="1001" checked/);
    expect(html).toContain('value="1002"');
    expect(html).not.toContain('2001');
    const byId = await (await t.request('/usuarios/bases?campo=base&buscaBase=1002', { cookie: admin })).text();
    expect(byId).toContain('Clínica Demo Norte');
    expect(byId).not.toContain('Clínica Demo Centro');
  });

  it('is for reseller admins only', async () => {
    const gestor = await t.login('clinica@demo.test');
    expect((await t.request('/usuarios/multi-clinica', { cookie: gestor })).status).toBe(403);
    const form = { modo: 'texto', pedido: seedRequest('medico@demo.test', '1001', '1003') };
    expect((await preview(form, gestor)).status).toBe(403);
  });
});
