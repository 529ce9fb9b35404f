import { type Database, schema } from '@painel/core/testing';
import { and, asc, count, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const { auditLog, clinics, resellers } = schema;

async function clinicRow(db: Database, id: number) {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(clinics).where(eq(clinics.id, id)));
  return row ?? null;
}

async function clinicCount(db: Database): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ n: count() }).from(clinics));
  return Number(row?.n ?? 0);
}

async function resellerIdOf(db: Database, code: string): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(resellers).where(eq(resellers.code, code)));
  if (!row) throw new Error(`no reseller ${code}`);
  return row.id;
}

async function auditRows(db: Database, action: string) {
  return db.scoped({ kind: 'platform' }, (tx) =>
    tx.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)),
  );
}

const baseIds = (html: string) => [...html.matchAll(/data-base-id="(\d+)"/g)].map((m) => Number(m[1]));
const countText = (html: string) => /data-testid="clinic-count"><strong>([^<]+)</.exec(html)?.[1];
const fieldError = (html: string, field: string) => new RegExp(`id="f-${field}-error" class="field-error">([^<]+)<`).exec(html)?.[1];

describe.each(testDrivers())('tenants: singulares and bases clínicas on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let platform: string;
  let singular: string;
  let vizinha: string;
  let demoId: number;
  let vizinhaId: number;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    platform = await t.login('plataforma@demo.test');
    singular = await t.login('singular@demo.test');
    vizinha = await t.login('vizinha@demo.test');
    demoId = await resellerIdOf(db, '0101');
    vizinhaId = await resellerIdOf(db, '0202');
  });
  afterAll(async () => {
    await db.close();
  });

  describe('who may open the screens', () => {
    it('sends anonymous visitors to the login page', async () => {
      const res = await t.request('/bases');
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/login?next=%2Fbases');
    });

    it('refuses the singulares screens to reseller admins and clinic users (403), and bases to clinic users', async () => {
      const clinica = await t.login('clinica@demo.test');
      expect((await t.request('/singulares', { cookie: singular })).status).toBe(403);
      expect((await t.request('/singulares', { cookie: clinica })).status).toBe(403);
      expect((await t.request('/bases', { cookie: clinica })).status).toBe(403);
      const before = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ n: count() }).from(resellers));
      const post = await t.request('/singulares', { cookie: singular, form: { code: '0999', name: 'Intrusa' } });
      expect(post.status).toBe(403);
      const after = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ n: count() }).from(resellers));
      expect(after[0]?.n).toBe(before[0]?.n);
      const nav = await (await t.request('/bases', { cookie: singular })).text();
      expect(nav).toContain('href="/bases"');
      expect(nav).not.toContain('href="/singulares"');
    });
  });

  describe('singulares (platform admin)', () => {
    it('lists every singular with its number of bases', async () => {
      const html = await (await t.request('/singulares', { cookie: platform })).text();
      expect(html).toContain('data-testid="reseller-count"><strong>2 singulares</strong>');
      expect(html).toMatch(/data-code="0101">[\s\S]*?Singular Demo[\s\S]*?>3<\/a>/);
      expect(html).toMatch(/data-code="0202">[\s\S]*?Singular Vizinha[\s\S]*?>2<\/a>/);
    });

    it('creates a singular, refuses a taken or invalid code without writing, and audits', async () => {
      const created = await t.request('/singulares', { cookie: platform, form: { code: '0303', name: '  Unimed  Litoral ' } });
      expect(created.status).toBe(303);
      expect(created.headers.get('location')).toBe('/singulares/0303');
      const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(resellers).where(eq(resellers.code, '0303')));
      expect(row).toMatchObject({ name: 'Unimed Litoral', status: 'active' });
      const [audit] = await auditRows(db, 'reseller.create');
      expect(audit).toMatchObject({ actorEmail: 'plataforma@demo.test', resellerId: row!.id, outcome: 'allowed' });

      const taken = await t.request('/singulares', { cookie: platform, form: { code: '0101', name: 'Outra' } });
      expect(taken.status).toBe(422);
      expect(fieldError(await taken.text(), 'code')).toBe('O id reseller 0101 já está em uso por outra singular.');
      const invalid = await t.request('/singulares', { cookie: platform, form: { code: '01A', name: '' } });
      expect(invalid.status).toBe(422);
      const html = await invalid.text();
      expect(fieldError(html, 'code')).toBe('O id reseller “01A” não é válido: use apenas números.');
      expect(fieldError(html, 'name')).toBe('O nome da singular é obrigatório.');
      const all = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(resellers).orderBy(asc(resellers.code)));
      expect(all.map((r) => r.code)).toEqual(['0101', '0202', '0303']);
      expect(await auditRows(db, 'reseller.create')).toHaveLength(1);
    });

    it('renames a singular (the code stays) and audits the change', async () => {
      const res = await t.request('/singulares/0303', { cookie: platform, form: { name: 'Unimed Litoral Norte', code: '9999' } });
      expect(res.status).toBe(303);
      const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(resellers).where(eq(resellers.code, '0303')));
      expect(row?.name).toBe('Unimed Litoral Norte');
      const [audit] = await auditRows(db, 'reseller.update');
      expect(audit?.details).toEqual({ changes: { name: { de: 'Unimed Litoral', para: 'Unimed Litoral Norte' } } });
      const empty = await t.request('/singulares/0303', { cookie: platform, form: { name: ' ' } });
      expect(empty.status).toBe(422);
      expect((await t.request('/singulares/0404', { cookie: platform })).status).toBe(404);
    });

    it('deactivates with a confirmation page and reactivates, never deleting', async () => {
      const confirm = await t.request('/singulares/0303/desativar', { cookie: platform });
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('Sim, desativar a singular');
      expect((await t.request('/singulares/0303/desativar', { cookie: platform, method: 'POST' })).status).toBe(303);
      const status = async () =>
        (await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(resellers).where(eq(resellers.code, '0303'))))[0]?.status;
      expect(await status()).toBe('inactive');
      expect((await auditRows(db, 'reseller.deactivate'))[0]?.resellerId).toBeTypeOf('number');
      const refused = await t.request('/bases', { cookie: platform, form: { singular: '0303', name: 'Base numa singular inativa' } });
      expect(refused.status).toBe(422);
      expect(fieldError(await refused.text(), 'singular')).toMatch(/inativa/);
      expect((await t.request('/singulares/0303/reativar', { cookie: platform, method: 'POST' })).status).toBe(303);
      expect(await status()).toBe('active');
      expect(await auditRows(db, 'reseller.reactivate')).toHaveLength(1);
    });
  });

  describe('bases clínicas: list and search', () => {
    it('shows a reseller admin only its own bases', async () => {
      const html = await (await t.request('/bases', { cookie: singular })).text();
      expect(baseIds(html)).toEqual([1001, 1002, 1003]);
      expect(countText(html)).toBe('3 bases');
      expect(html).toContain('11.222.333/0001-81');
      expect(baseIds(await (await t.request('/bases?singular=0202', { cookie: singular })).text())).toEqual([1001, 1002, 1003]);
    });

    it('searches by name keywords ignoring case, accents and word order', async () => {
      const search = async (q: string) => baseIds(await (await t.request(`/bases?q=${encodeURIComponent(q)}`, { cookie: singular })).text());
      expect(await search('clinica centro')).toEqual([1001]);
      expect(await search('CENTRO clínica')).toEqual([1001]);
      expect(await search('demo')).toEqual([1001, 1002, 1003]);
      expect(await search('vizinha')).toEqual([]);
      expect(await search('demo.*sul')).toEqual([]);
      expect(await search('(demo')).toEqual([]);
    });

    it('searches by the start of a base id and by CNPJ, never across singulares', async () => {
      const search = async (q: string, cookie = singular) =>
        baseIds(await (await t.request(`/bases?q=${encodeURIComponent(q)}`, { cookie })).text());
      expect(await search('1002')).toEqual([1002]);
      expect((await search('100')).sort()).toEqual([1001, 1002, 1003]);
      expect((await search('10')).sort()).toEqual([1001, 1002, 1003]);
      expect(await search('0100')).toEqual(await search('100'));
      expect(await search('1004')).toEqual([]);
      expect(await search('200')).toEqual([]);
      expect((await search('200', vizinha)).sort()).toEqual([2001, 2002]);
      expect((await search('200', platform)).sort()).toEqual([2001, 2002]);
      expect(await search('2001')).toEqual([]);
      expect(await search('11.222.333/0001-81')).toEqual([1001]);
      expect(await search('2001', vizinha)).toEqual([2001]);
      const none = await (await t.request('/bases?q=2001', { cookie: singular })).text();
      expect(countText(none)).toBe('Nenhuma base encontrada');
    });

    it('gives platform admins every singular with a reseller column, or one with ?singular=', async () => {
      const all = await (await t.request('/bases', { cookie: platform })).text();
      expect(baseIds(all)).toEqual(expect.arrayContaining([1001, 1002, 1003, 2001, 2002]));
      expect(all).toContain('<th scope="col">Singular</th>');
      const one = await (await t.request('/bases?singular=0202', { cookie: platform })).text();
      expect(baseIds(one)).toEqual([2001, 2002]);
      expect(one).not.toContain('<th scope="col">Singular</th>');
      expect((await t.request('/bases?singular=7777', { cookie: platform })).status).toBe(404);
    });

    it('paginates with a total and answers htmx with the results fragment only', async () => {
      await db.scoped({ kind: 'platform' }, (tx) =>
        tx.insert(clinics).values(
          Array.from({ length: 120 }, (_, i) => ({
            resellerId: demoId,
            id: 50_000 + i,
            name: `Consultório Paginado ${String(i + 1).padStart(3, '0')}`,
            status: i % 10 === 0 ? ('inactive' as const) : ('active' as const),
          })),
        ),
      );
      const page1 = await (await t.request('/bases?q=paginado', { cookie: singular })).text();
      expect(countText(page1)).toBe('120 bases encontradas');
      expect(baseIds(page1)).toHaveLength(50);
      expect(baseIds(page1)[0]).toBe(50_000);
      expect(page1).toContain('Página 1 de 3');
      expect(page1).toContain('href="/bases?q=paginado&amp;pagina=2"');
      const page3 = await (await t.request('/bases?q=paginado&pagina=3', { cookie: singular })).text();
      expect(baseIds(page3)).toEqual(Array.from({ length: 20 }, (_, i) => 50_100 + i));
      const beyond = await (await t.request('/bases?q=paginado&pagina=999', { cookie: singular })).text();
      expect(beyond).toContain('Página 3 de 3');
      const inactive = await (await t.request('/bases?q=paginado&situacao=inativas', { cookie: singular })).text();
      expect(countText(inactive)).toBe('12 bases encontradas');

      const fragment = await t.request('/bases?q=paginado+010', {
        cookie: singular,
        headers: { 'hx-request': 'true', 'hx-target': 'bases-resultado' },
      });
      const html = await fragment.text();
      expect(html.startsWith('<div id="bases-resultado"')).toBe(true);
      expect(html).not.toContain('<html');
      expect(baseIds(html)).toEqual([50_009]);
      const restore = await t.request('/bases?q=paginado', {
        cookie: singular,
        headers: { 'hx-request': 'true', 'hx-target': 'bases-resultado', 'hx-history-restore-request': 'true' },
      });
      expect(await restore.text()).toContain('<!DOCTYPE html>');
    });
  });

  describe('bases clínicas: create, edit, deactivate', () => {
    it('does not tell a reseller admin the next free id (it would reveal another singular’s ids); platform admins see it', async () => {
      const highest = Math.max(...(await db.scoped({ kind: 'platform' }, (tx) => tx.select({ id: clinics.id }).from(clinics))).map((r) => r.id));
      const hint = (html: string) => /id="f-baseId-hint"[^>]*>([^<]+)</.exec(html)?.[1];
      const own = await (await t.request('/bases/nova', { cookie: singular })).text();
      expect(hint(own)).toBe('Deixe em branco para o sistema gerar um id livre. O id não pode ser alterado depois.');
      expect(own).not.toContain(String(highest + 1));
      const neighbour = await (await t.request('/bases/nova', { cookie: vizinha })).text();
      expect(neighbour).not.toContain(String(highest + 1));
      const all = await (await t.request('/bases/nova', { cookie: platform })).text();
      expect(hint(all)).toBe(`Deixe em branco para usar o próximo id livre (${highest + 1}). O id não pode ser alterado depois.`);
    });

    it('creates a base with the next free id, stores the CNPJ as 14 digits and audits', async () => {
      const highest = Math.max(...(await db.scoped({ kind: 'platform' }, (tx) => tx.select({ id: clinics.id }).from(clinics))).map((r) => r.id));
      const res = await t.request('/bases', {
        cookie: singular,
        form: { name: 'Clínica Nova Esperança', baseId: '', cnpj: '11.444.777/0001-61', city: 'Campinas', uf: 'sp', singular: '0202' },
      });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe(`/bases?q=${highest + 1}`);
      const row = await clinicRow(db, highest + 1);
      expect(row).toMatchObject({ resellerId: demoId, name: 'Clínica Nova Esperança', cnpj: '11444777000161', city: 'Campinas', uf: 'SP' });
      const [audit] = await auditRows(db, 'clinic.create');
      expect(audit).toMatchObject({ resellerId: demoId, clinicId: highest + 1, actorEmail: 'singular@demo.test' });
      const list = await (await t.request(`/bases?q=${highest + 1}`, { cookie: singular })).text();
      expect(list).toContain(`Base “Clínica Nova Esperança” criada com o id ${highest + 1}.`);
      expect(list).toContain('11.444.777/0001-61');
    });

    it('creates a base with a given id', async () => {
      const res = await t.request('/bases', { cookie: singular, form: { name: 'Clínica Id Escolhido', baseId: '007777' } });
      expect(res.status).toBe(303);
      expect(await clinicRow(db, 7777)).toMatchObject({ resellerId: demoId, cnpj: null, city: null, uf: null });
    });

    it('says a base id of ANOTHER singular is "já está em uso" without saying whose, and writes nothing', async () => {
      const before = await clinicCount(db);
      const res = await t.request('/bases', { cookie: singular, form: { name: 'Clínica Copiona', baseId: '2001' } });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(fieldError(html, 'baseId')).toBe('O id da base 2001 já está em uso. Escolha outro ou deixe em branco para gerar um.');
      expect(html).not.toContain('Vizinha');
      expect(html).toContain('value="Clínica Copiona"');
      expect(await clinicCount(db)).toBe(before);
      expect((await clinicRow(db, 2001))?.name).toBe('Clínica Vizinha Alfa');
    });

    it('refuses invalid fields and a CNPJ already used, each message next to its field, changing nothing', async () => {
      const before = await clinicCount(db);
      const auditsBefore = (await auditRows(db, 'clinic.create')).length;
      const bad = await t.request('/bases', {
        cookie: singular,
        form: { name: '', baseId: '12a', cnpj: '11.222.333/0001-82', city: 'x'.repeat(101), uf: 'XX' },
      });
      expect(bad.status).toBe(422);
      const html = await bad.text();
      expect(fieldError(html, 'name')).toBe('O nome da clínica é obrigatório.');
      expect(fieldError(html, 'baseId')).toMatch(/não é válido: use apenas números/);
      expect(fieldError(html, 'cnpj')).toMatch(/dígitos verificadores não conferem/);
      expect(fieldError(html, 'city')).toMatch(/máximo é 100/);
      expect(fieldError(html, 'uf')).toMatch(/UF “XX” não é válida/);
      const dupCnpj = await t.request('/bases', { cookie: vizinha, form: { name: 'Clínica CNPJ Repetido', cnpj: '11222333000181' } });
      expect(dupCnpj.status).toBe(422);
      expect(fieldError(await dupCnpj.text(), 'cnpj')).toBe('Este CNPJ já está cadastrado em outra base clínica.');
      expect(await clinicCount(db)).toBe(before);
      expect(await auditRows(db, 'clinic.create')).toHaveLength(auditsBefore);
    });

    it('edits a base (the base id stays), shows the CNPJ formatted and audits the changes', async () => {
      const form = await (await t.request('/bases/1002', { cookie: singular })).text();
      expect(form).toContain('value="Clínica Demo Norte"');
      const res = await t.request('/bases/1002', {
        cookie: singular,
        form: { name: 'Clínica Demo Norte II', cnpj: '45.678.912/0001-55', city: 'Guarulhos', uf: 'SP', baseId: '9999' },
      });
      expect(res.status).toBe(303);
      expect(await clinicRow(db, 1002)).toMatchObject({ name: 'Clínica Demo Norte II', cnpj: '45678912000155' });
      expect(await clinicRow(db, 9999)).toBeNull();
      const [audit] = await auditRows(db, 'clinic.update');
      expect(audit).toMatchObject({ resellerId: demoId, clinicId: 1002 });
      expect(audit?.details).toEqual({
        changes: {
          name: { de: 'Clínica Demo Norte', para: 'Clínica Demo Norte II' },
          cnpj: { de: null, para: '45678912000155' },
        },
      });
      expect(await (await t.request('/bases/1002', { cookie: singular })).text()).toContain('value="45.678.912/0001-55"');
      const invalid = await t.request('/bases/1002', { cookie: singular, form: { name: '', cnpj: '1' } });
      expect(invalid.status).toBe(422);
      expect((await clinicRow(db, 1002))?.name).toBe('Clínica Demo Norte II');
    });

    it('deactivates after a confirmation page and reactivates, auditing both', async () => {
      const confirm = await t.request('/bases/1003/desativar', { cookie: singular });
      expect(confirm.status).toBe(200);
      expect(await confirm.text()).toContain('Nenhum dado é apagado');
      expect((await t.request('/bases/1003/desativar', { cookie: singular, method: 'POST' })).status).toBe(303);
      expect((await clinicRow(db, 1003))?.status).toBe('inactive');
      expect((await auditRows(db, 'clinic.deactivate'))[0]).toMatchObject({ resellerId: demoId, clinicId: 1003 });
      const list = await (await t.request('/bases?situacao=inativas&q=demo', { cookie: singular })).text();
      expect(baseIds(list)).toEqual([1003]);
      expect((await t.request('/bases/1003/reativar', { cookie: singular, method: 'POST' })).status).toBe(303);
      expect((await clinicRow(db, 1003))?.status).toBe('active');
      expect((await auditRows(db, 'clinic.reactivate'))[0]).toMatchObject({ resellerId: demoId, clinicId: 1003 });
    });

    it('lets a platform admin create a base for a chosen singular', async () => {
      const missing = await t.request('/bases', { cookie: platform, form: { name: 'Sem singular' } });
      expect(missing.status).toBe(422);
      expect(fieldError(await missing.text(), 'singular')).toBe('Escolha a singular da nova base.');
      const res = await t.request('/bases', { cookie: platform, form: { singular: '0202', name: 'Clínica da Plataforma', baseId: '2100' } });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/bases?q=2100&singular=0202');
      expect(await clinicRow(db, 2100)).toMatchObject({ resellerId: vizinhaId });
    });
  });

  describe('tenant isolation', () => {
    const deniedFor = async (email: string, target: string) =>
      db.scoped({ kind: 'platform' }, (tx) =>
        tx
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.action, 'access.denied'), eq(auditLog.actorEmail, email), eq(auditLog.target, target))),
      );

    it('answers 404 for another singular’s base by URL, and audits the denial', async () => {
      for (const path of ['/bases/2001', '/bases/2001/desativar', '/bases/424242']) {
        const res = await t.request(path, { cookie: singular });
        expect(res.status, path).toBe(404);
        const [entry] = await deniedFor('singular@demo.test', `GET ${path}`);
        expect(entry, path).toMatchObject({ outcome: 'denied', resellerId: demoId });
      }
      expect((await t.request('/bases/1001', { cookie: vizinha })).status).toBe(404);
      const [entry] = await deniedFor('vizinha@demo.test', 'GET /bases/1001');
      expect(entry?.details).toMatchObject({ baseId: 1001, reason: 'not_found' });
    });

    it('refuses tampered form posts to another singular’s base (404, audited, nothing changed)', async () => {
      const edit = await t.request('/bases/1001', { cookie: vizinha, form: { name: 'Invadida', uf: 'SP' } });
      expect(edit.status).toBe(404);
      const off = await t.request('/bases/1001/desativar', { cookie: vizinha, method: 'POST' });
      expect(off.status).toBe(404);
      expect(await clinicRow(db, 1001)).toMatchObject({ name: 'Clínica Demo Centro', status: 'active' });
      expect(await deniedFor('vizinha@demo.test', 'POST /bases/1001')).toHaveLength(1);
      expect(await deniedFor('vizinha@demo.test', 'POST /bases/1001/desativar')).toHaveLength(1);
    });

    it('ignores a singular named in the form by a reseller admin: the base goes to its own singular', async () => {
      const res = await t.request('/bases', { cookie: vizinha, form: { name: 'Clínica Forjada', baseId: '2200', singular: '0101' } });
      expect(res.status).toBe(303);
      expect(await clinicRow(db, 2200)).toMatchObject({ resellerId: vizinhaId });
    });
  });
});
