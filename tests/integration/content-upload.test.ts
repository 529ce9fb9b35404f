import { readFileSync } from 'node:fs';
import type { Database } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const fixture = (name: string) => readFileSync(new URL(`../../content/fixtures/conquistas/${name}`, import.meta.url), 'utf8');
const seedFragment = fixture('seed-fragment.txt');

/** 1-based numbers of the lines containing `needle`. */
const linesWith = (text: string, needle: string) =>
  text.split('\n').flatMap((line, i) => (line.includes(needle) ? [i + 1] : []));

/** The rows of the errors table: linha, coluna, trecho, mensagem. */
function errorRows(html: string): { line: number; column: number; snippet: string; message: string }[] {
  const table = /<table data-testid="upload-errors"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
  const decode = (s: string) =>
    s.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();
  return [...table.matchAll(/<tr data-testid="upload-error">([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => decode(c[1]!));
    return { line: Number(cells[0]), column: Number(cells[1]), snippet: cells[2]!, message: cells[3]! };
  });
}

describe.each(testDrivers())('conquistas upload on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let admin: string;

  const upload = (fields: { text: string; name?: string; trilha?: string; nome?: string; previa?: string }, cookie = admin) => {
    const form = new FormData();
    form.set('trilha', fields.trilha ?? 'nova');
    form.set('nome', fields.nome ?? 'Trilha de teste');
    form.set('previa', fields.previa ?? '');
    form.set('arquivo', new File([fields.text], fields.name ?? 'conquistas.txt', { type: 'text/plain' }));
    return t.request('/conteudos/enviar', { method: 'POST', body: form, cookie });
  };

  /** Row counts of every content table plus the audit log and notifications. */
  const snapshot = () =>
    db.scoped({ kind: 'platform' }, async (tx) => {
      const rows = await db.query<{ tracks: number; versions: number; platform_versions: number; publications: number; progress: number; audit: number; notifications: number }>(
        tx,
        sql`select
          (select count(*)::int from content.tracks) as tracks,
          (select count(*)::int from content.track_versions) as versions,
          (select count(*)::int from content.platform_versions) as platform_versions,
          (select count(*)::int from content.publications) as publications,
          (select count(*)::int from content.progress) as progress,
          (select count(*)::int from audit_log) as audit,
          (select count(*)::int from notifications) as notifications`,
      );
      return rows[0]!;
    });

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    admin = await t.login('singular@demo.test');
  });
  afterAll(async () => {
    await db.close();
  });

  it('rejects the seed fragment verbatim with exactly three placeholder errors at the identificador_artigo lines, storing nothing', async () => {
    const before = await snapshot();
    const res = await upload({ text: seedFragment, name: 'seed-fragment.txt' });
    expect(res.status).toBe(422);
    const html = await res.text();
    const rows = errorRows(html);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.line)).toEqual(linesWith(seedFragment, '"identificador_artigo"'));
    for (const row of rows) {
      expect(row.message).toContain('INSERIR LINK DO YOUTUBE');
      expect(row.message).toContain('YouTube');
      expect(row.snippet).toContain('"identificador_artigo": "INSERIR LINK DO YOUTUBE"');
      expect(row.column).toBeGreaterThan(1);
    }
    expect(html).toContain('Nada foi salvo');
    expect(html).toContain('Adicionadas as chaves { } ao redor do conteúdo');
    expect(await snapshot()).toEqual(before);
  });

  it('accepts the fragment once the placeholders are YouTube links (any format), reports the normalisation and previews it', async () => {
    const links = ['https://youtu.be/aqz-KE-bpKQ?si=abc', 'https://www.youtube.com/watch?v=eRsGyueVLvQ&t=10s', 'https://youtube.com/shorts/R6MlUcmOul8'];
    let i = 0;
    const fixed = seedFragment.replace(/INSERIR LINK DO YOUTUBE/g, () => links[i++]!);
    const before = await snapshot();
    const res = await upload({ text: fixed, nome: 'Processos XPTO', previa: 'Vídeos da singular XPTO.' });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/conteudos\/trilhas\/\d+\/versoes\/1\?enviada=1$/);
    const after = await snapshot();
    expect(after.tracks).toBe(before.tracks + 1);
    expect(after.versions).toBe(before.versions + 1);
    expect(after.publications).toBe(before.publications);

    const page = await (await t.request(location, { cookie: admin })).text();
    expect(page).toContain('Arquivo aceito: versão 1 criada como rascunho');
    expect(page).toContain('O que foi normalizado');
    expect(page).toContain('Removida a vírgula final');
    expect(page).toContain('Rascunho');

    const previewPath = location.replace('?enviada=1', '/previa');
    const preview = await (await t.request(previewPath, { cookie: admin })).text();
    expect(preview).toContain('Prévia da versão 1');
    expect(preview).toContain('Processos XPTO');
    expect(preview).toContain('Vídeos da singular XPTO.');
    expect(preview).toContain('Autorização de guia – Teleconsulta');
    expect(preview).toContain('Painel Singular em 5 etapas');
    // The preview's video links lead to the embed with the normalised id.
    const taskHref = /href="([^"]*\/previa\/tarefa\?[^"]*)"/.exec(preview)![1]!.replace(/&amp;/g, '&');
    const task = await (await t.request(taskHref, { cookie: admin })).text();
    expect(task).toContain('src="https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ"');
    // Buttons are disabled in the preview: no form posts anywhere.
    expect(preview).not.toContain('action="/painel/tarefas"');
  });

  it('warns in the version page, the preview and the publish page when every task starts "efetuada": true (100 % at once)', async () => {
    const allDone = JSON.stringify({
      conquistas: [
        {
          descricao: 'Tudo pronto',
          bloqueada: false,
          notificado: false,
          tarefas: [
            { titulo: 'Primeira', efetuada: true, identificador_artigo: 'https://youtu.be/aqz-KE-bpKQ' },
            { titulo: 'Segunda', efetuada: true, identificador_artigo: 'https://youtu.be/eRsGyueVLvQ' },
          ],
        },
      ],
    });
    const res = await upload({ text: allDone, name: 'tudo.json', nome: 'Trilha já concluída' });
    expect(res.status).toBe(303);
    const version = res.headers.get('location')!.replace('?enviada=1', '');
    const warning = (html: string) => /data-testid="starts-complete"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"') ?? null;
    for (const path of [version, `${version}/previa`, `${version}/publicar`]) {
      const text = warning(await (await t.request(path, { cookie: admin })).text());
      expect(text, path).toContain('Atenção: esta trilha começa em 100 %.');
      expect(text, path).toContain('Todas as 2 tarefas estão marcadas com "efetuada": true');
    }
    // A track with something left to do gets no warning.
    const mixed = await upload({ text: allDone.replace('"efetuada":true', '"efetuada":false'), name: 'misto.json', nome: 'Trilha com tarefas' });
    const mixedVersion = mixed.headers.get('location')!.replace('?enviada=1', '');
    expect(warning(await (await t.request(`${mixedVersion}/previa`, { cookie: admin })).text())).toBeNull();
  });

  it('rejects "titlo" on the 2nd task with its line/column and a suggestion', async () => {
    const text = fixture('seed-fragment-titlo.txt');
    const before = await snapshot();
    const res = await upload({ text });
    expect(res.status).toBe(422);
    const rows = errorRows(await res.text());
    expect(rows).toHaveLength(1);
    const [line] = linesWith(text, '"titlo"');
    const column = [...text.split('\n')[line! - 1]!].indexOf('"') + 1;
    expect(rows[0]).toMatchObject({ line, column });
    expect(rows[0]!.message).toContain('Você quis dizer "titulo"');
    expect(rows[0]!.snippet).toContain('"titlo"');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over the limit with the validator message, and other extensions, changing nothing', async () => {
    const before = await snapshot();
    const big = await upload({ text: `"conquistas": [ ${' '.repeat(256 * 1024)} ]`, name: 'grande.txt' });
    expect(big.status).toBe(422);
    const bigHtml = await big.text();
    expect(bigHtml).toContain('o tamanho máximo é');
    const pdf = await upload({ text: '{}', name: 'conquistas.pdf' });
    expect(pdf.status).toBe(422);
    expect(await pdf.text()).toContain('não é .json nem .txt');
    const noName = await upload({ text: fixture('full-valid.json'), name: 'ok.json', nome: 'x' });
    expect(noName.status).toBe(422);
    expect(await noName.text()).toContain('Informe o nome da nova trilha');
    expect(await snapshot()).toEqual(before);
  });

  it('answers a body far over the limit with 413 before reading it', async () => {
    const res = await upload({ text: 'x'.repeat(600 * 1024), name: 'enorme.txt' });
    expect(res.status).toBe(413);
  });

  it('keeps the upload screens to admins', async () => {
    const clinic = await t.login('clinica@demo.test');
    expect((await t.request('/conteudos/enviar', { cookie: clinic })).status).toBe(403);
    expect((await upload({ text: seedFragment }, clinic)).status).toBe(403);
  });

  it('lets the platform admin upload a new version of the default track only', async () => {
    const platform = await t.login('plataforma@demo.test');
    const res = await upload({ text: readFileSync(new URL('../../content/default-track/track.json', import.meta.url), 'utf8'), name: 'track.json' }, platform);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/conteudos/trilhas/padrao/versoes/2?enviada=1');
  });
});
