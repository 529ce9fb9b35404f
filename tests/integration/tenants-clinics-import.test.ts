import { type Database, schema } from '@painel/core/testing';
import { count, desc, eq, inArray } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const { auditLog, clinics, resellers } = schema;

async function clinicCount(db: Database): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ n: count() }).from(clinics));
  return Number(row?.n ?? 0);
}

async function clinicsByName(db: Database, names: string[]) {
  return db.scoped({ kind: 'platform' }, (tx) => tx.select().from(clinics).where(inArray(clinics.name, names)));
}

async function importAudits(db: Database) {
  return db.scoped({ kind: 'platform' }, (tx) =>
    tx.select().from(auditLog).where(eq(auditLog.action, 'clinic.import')).orderBy(desc(auditLog.id)),
  );
}

function upload(bytes: Uint8Array<ArrayBuffer>, fields: Record<string, string> = {}, name = 'bases.csv'): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('arquivo', new File([bytes], name, { type: 'text/csv' }));
  return form;
}

/** The hidden fields of the preview's confirm form, plus a mode. */
function confirmForm(html: string, mode: 'tudo' | 'validas'): FormData {
  const form = new FormData();
  for (const name of ['conteudo', 'resumo', 'nome_arquivo', 'singular']) {
    const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
    if (value === undefined) throw new Error(`no hidden field ${name} in the preview`);
    form.set(name, value.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  form.set('modo', mode);
  return form;
}

const rowResults = (html: string) =>
  [...html.matchAll(/data-testid="import-row" data-line="(\d+)" data-ok="(true|false)"/g)].map((m) => [Number(m[1]), m[2] === 'true']);

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

describe.each(testDrivers())('tenants: bulk clinic import from CSV on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let singular: string;
  let platform: string;
  let demoId: number;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    singular = await t.login('singular@demo.test');
    platform = await t.login('plataforma@demo.test');
    const [demo] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(resellers).where(eq(resellers.code, '0101')));
    demoId = demo!.id;
  });
  afterAll(async () => {
    await db.close();
  });

  const preview = async (bytes: Uint8Array<ArrayBuffer>, cookie = singular, fields: Record<string, string> = {}) =>
    t.request('/bases/importar', { cookie, method: 'POST', body: upload(bytes, fields) });
  const confirm = (html: string, mode: 'tudo' | 'validas', cookie = singular) =>
    t.request('/bases/importar/confirmar', { cookie, method: 'POST', body: confirmForm(html, mode) });

  it('shows the upload form with the accepted columns', async () => {
    const res = await t.request('/bases/importar', { cookie: singular });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('Singular Demo · id reseller 0101');
  });

  it('imports a UTF-8 “;” file: preview per row, then creates every base in one go and audits the count', async () => {
    const file = utf8(
      [
        'Nome da clínica;ID da base;CNPJ;Cidade;UF',
        'Clínica Importada São José;6101;24.681.357/0001-40;São Paulo;SP',
        'Consultório Importado Dra. Ana;;;Florianópolis;sc',
        '"Clínica Importada; Unidade Centro";6103;;Maceió;Alagoas',
      ].join('\r\n'),
    );
    const before = await clinicCount(db);
    const res = await preview(file);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(rowResults(html)).toEqual([
      [2, true],
      [3, true],
      [4, true],
    ]);
    expect(html).toContain('será criada');
    expect(html).toContain('gerado ao criar');
    expect(html).toContain('Arquivo lido como UTF-8, separador “;”');
    expect(await clinicCount(db)).toBe(before);

    const done = await confirm(html, 'tudo');
    expect(done.status).toBe(200);
    const result = await done.text();
    const created = await clinicsByName(db, ['Clínica Importada São José', 'Consultório Importado Dra. Ana', 'Clínica Importada; Unidade Centro']);
    expect(created).toHaveLength(3);
    expect(created.every((c) => c.resellerId === demoId)).toBe(true);
    const byName = Object.fromEntries(created.map((c) => [c.name, c]));
    expect(byName['Clínica Importada São José']).toMatchObject({ id: 6101, cnpj: '24681357000140', uf: 'SP' });
    expect(byName['Clínica Importada; Unidade Centro']).toMatchObject({ id: 6103, uf: 'AL' });
    const generated = byName['Consultório Importado Dra. Ana']!;
    expect(generated.id).toBe(2003); // the next id after the highest base that existed (2002)
    expect(generated.uf).toBe('SC');
    const [audit] = await importAudits(db);
    expect(audit).toMatchObject({ resellerId: demoId, actorEmail: 'singular@demo.test', outcome: 'allowed' });
    expect(audit?.details).toMatchObject({ created: 3, skipped: 0, mode: 'all-or-nothing', file: 'bases.csv' });
    // The per-row result stays on screen and downloads as CSV.
    expect(result).toContain('“bases.csv”: 3 bases criadas.');
    expect([...result.matchAll(/data-testid="result-row" data-line="(\d+)" data-base-id="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])])).toEqual([
      [2, 6101],
      [3, 2003],
      [4, 6103],
    ]);
    const href = /href="(data:text\/csv;[^"]+)" download="resultado-importacao-bases\.csv"/.exec(result)?.[1];
    const csv = decodeURIComponent(href!.replace(/&amp;/g, '&').replace(/^data:text\/csv;charset=utf-8,/, ''));
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['\uFEFFLinha;Nome;Id da base;Resultado;Erros', '2;Clínica Importada São José;6101;criada;', '3;Consultório Importado Dra. Ana;2003;criada;']);
    // Reloading the result page posts the same file again: refused, nothing created twice.
    const again = await confirm(html, 'tudo');
    expect(await again.text()).toContain('já foi importado nesta singular; nada foi criado de novo');
    expect(await clinicsByName(db, ['Consultório Importado Dra. Ana'])).toHaveLength(1);
  });

  it('imports a Windows-1252 “,” file (Excel) with accents intact', async () => {
    const file = new Uint8Array(
      iconv.encode(['nome,id da base,cidade,uf', 'Clínica Conceição Açaí,6201,Goiânia,GO', 'Clínica Ótica,6202,Maringá,PR'].join('\r\n'), 'win1252'),
    );
    const res = await preview(file);
    const html = await res.text();
    expect(html).toContain('Windows-1252 (Excel), separador “,”');
    expect(rowResults(html)).toEqual([
      [2, true],
      [3, true],
    ]);
    expect((await confirm(html, 'tudo')).status).toBe(200);
    const created = await clinicsByName(db, ['Clínica Conceição Açaí', 'Clínica Ótica']);
    expect(created.map((c) => [c.id, c.city]).sort()).toEqual([
      [6201, 'Goiânia'],
      [6202, 'Maringá'],
    ]);
  });

  it('refuses a whole file that cannot be read (missing column, encoding, empty) and writes nothing', async () => {
    const before = await clinicCount(db);
    const auditsBefore = (await importAudits(db)).length;
    const missing = await preview(utf8('cidade;uf\nCampinas;SP\n'));
    expect(missing.status).toBe(422);
    const html = await missing.text();
    expect(html).toContain('O arquivo não foi aceito; nada foi criado.');
    expect(html).toContain('Falta a coluna obrigatória “nome”');
    const xlsx = await preview(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    expect(await xlsx.text()).toContain('planilha do Excel (.xlsx)');
    const noFile = await t.request('/bases/importar', { cookie: singular, method: 'POST', body: new FormData() });
    expect(noFile.status).toBe(422);
    expect(await noFile.text()).toContain('Escolha o arquivo CSV');
    expect(await clinicCount(db)).toBe(before);
    expect(await importAudits(db)).toHaveLength(auditsBefore);
  });

  it('flags conflicts with existing bases (even of another singular, without naming it) and, all-or-nothing, writes nothing', async () => {
    const file = utf8(
      [
        'nome;id da base;cnpj',
        'Clínica Tudo Ou Nada A;6301;',
        'Clínica Tudo Ou Nada B;2001;',
        'Clínica Tudo Ou Nada C;;11.222.333/0001-81',
        'Clínica Tudo Ou Nada D;6304;11.222.333/0001-82',
      ].join('\n'),
    );
    const res = await preview(file);
    const html = await res.text();
    expect(rowResults(html)).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect(html).toContain('O id da base 2001 já está em uso.');
    expect(html).toContain('O CNPJ 11.222.333/0001-81 já está cadastrado em outra base clínica.');
    expect(html).toContain('dígitos verificadores não conferem');
    expect(html).not.toContain('Vizinha');
    const before = await clinicCount(db);
    const refused = await confirm(html, 'tudo');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Nada foi criado: 3 linhas têm erros');
    expect(await clinicCount(db)).toBe(before);

    const partial = await confirm(html, 'validas');
    expect(partial.status).toBe(200);
    const partialHtml = await partial.text();
    expect(partialHtml).toContain('1 base criada; 3 linhas ignoradas por erro.');
    expect([...partialHtml.matchAll(/data-testid="result-row" data-line="(\d+)"( data-base-id="\d+")?/g)].map((m) => [Number(m[1]), !!m[2]])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
    ]);
    expect((await clinicsByName(db, ['Clínica Tudo Ou Nada A'])).map((c) => c.id)).toEqual([6301]);
    expect(await clinicsByName(db, ['Clínica Tudo Ou Nada B', 'Clínica Tudo Ou Nada C', 'Clínica Tudo Ou Nada D'])).toEqual([]);
    expect(await clinicCount(db)).toBe(before + 1);
    const [audit] = await importAudits(db);
    expect(audit?.details).toMatchObject({ created: 1, skipped: 3, skippedLines: [3, 4, 5], mode: 'valid-only' });
  });

  it('writes nothing when one row of an otherwise good file is bad (all-or-nothing)', async () => {
    const file = utf8(['nome;id da base;uf', 'Clínica Boa 1;6401;SP', 'Clínica Boa 2;6402;SP', 'Clínica UF Ruim;6403;XX'].join('\n'));
    const html = await (await preview(file)).text();
    const before = await clinicCount(db);
    const refused = await confirm(html, 'tudo');
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('Nada foi criado: 1 linha tem erro');
    expect(await clinicCount(db)).toBe(before);
    expect(await clinicsByName(db, ['Clínica Boa 1', 'Clínica Boa 2'])).toEqual([]);
  });

  it('re-checks on confirm: a base id taken after the preview rolls the whole import back', async () => {
    const file = utf8(['nome;id da base', 'Clínica Corrida A;6501', 'Clínica Corrida B;6502'].join('\n'));
    const html = await (await preview(file)).text();
    await db.scoped({ kind: 'platform' }, (tx) => tx.insert(clinics).values({ resellerId: demoId, id: 6502, name: 'Chegou antes' }));
    const res = await confirm(html, 'tudo');
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('O id da base 6502 já está em uso.');
    expect(await clinicsByName(db, ['Clínica Corrida A', 'Clínica Corrida B'])).toEqual([]);
  });

  it('refuses a confirmation whose file was changed after the preview', async () => {
    const html = await (await preview(utf8('nome;id da base\nClínica Original;6601\n'))).text();
    const form = confirmForm(html, 'tudo');
    form.set('conteudo', Buffer.from('nome;id da base\nClínica Trocada;6602\n').toString('base64'));
    const res = await t.request('/bases/importar/confirmar', { cookie: singular, method: 'POST', body: form });
    expect(res.status).toBe(422);
    expect(await res.text()).toContain('chegaram incompletos ou alterados');
    expect(await clinicsByName(db, ['Clínica Original', 'Clínica Trocada'])).toEqual([]);
  });

  it('ignores a singular sent by a reseller admin; platform admins must choose one', async () => {
    const vizinha = await t.login('vizinha@demo.test');
    const html = await (await preview(utf8('nome;id da base\nClínica Da Vizinha;6701\n'), vizinha, { singular: '0101' })).text();
    const form = confirmForm(html, 'tudo');
    form.set('singular', '0101');
    expect((await t.request('/bases/importar/confirmar', { cookie: vizinha, method: 'POST', body: form })).status).toBe(200);
    const [row] = await clinicsByName(db, ['Clínica Da Vizinha']);
    expect(row?.resellerId).not.toBe(demoId);

    const noSingular = await preview(utf8('nome\nClínica Sem Dono\n'), platform);
    expect(noSingular.status).toBe(422);
    expect(await noSingular.text()).toContain('Escolha a singular das novas bases.');
    const chosen = await (await preview(utf8('nome\nClínica Da Plataforma\n'), platform, { singular: '0101' })).text();
    expect(await (await confirm(chosen, 'tudo', platform)).text()).toContain('href="/bases?singular=0101"');
    expect((await clinicsByName(db, ['Clínica Da Plataforma']))[0]?.resellerId).toBe(demoId);
  });

  it('refuses the import screens to clinic users', async () => {
    const clinica = await t.login('clinica@demo.test');
    expect((await t.request('/bases/importar', { cookie: clinica })).status).toBe(403);
    const res = await preview(utf8('nome\nClínica Proibida\n'), clinica);
    expect(res.status).toBe(403);
    expect(await clinicsByName(db, ['Clínica Proibida'])).toEqual([]);
  });
});
