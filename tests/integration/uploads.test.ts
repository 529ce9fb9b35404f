import type { Database } from '@painel/core/testing';
import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPluginTestApp, type PluginTestApp } from '../fixture-plugin/harness.ts';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { notes } from '../fixture-plugin/src/schema.ts';
import { origin } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { bytesOf, multipartStream, sha256, tempDataDir } from '../support/uploads.ts';

const MiB = 1024 * 1024;

describe.each(testDrivers())('streamed uploads through the fixture plugin on %s', (driver) => {
  let db: Database;
  let t: PluginTestApp;
  let gestor: string;
  const data = tempDataDir();

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createPluginTestApp(db, [fixturePlugin], { env: { DATA_DIR: data.dir } });
    gestor = await t.session('clinica@demo.test');
  });
  afterAll(async () => {
    await t?.host.stop();
    await db?.close();
    data.remove();
  });

  const attachmentNotes = () => db.scoped({ kind: 'platform' }, (tx) => tx.select().from(notes).where(like(notes.body, 'anexo %')));
  const stored = () => data.files('files', 'fixture-plugin');
  const temp = () => data.files('uploads-tmp');

  const send = (files: { name: string; bytes: Uint8Array<ArrayBuffer> }[], extra: { cookie?: string; headers?: Record<string, string>; noOrigin?: boolean; path?: string } = {}) => {
    const form = new FormData();
    form.append('descricao', 'Exportação do sistema antigo');
    for (const f of files) form.append('arquivos', new Blob([f.bytes]), f.name);
    return t.request(extra.path ?? '/p/fixture-plugin/anexos', { method: 'POST', body: form, cookie: extra.cookie ?? gestor, ...extra });
  };

  const kept = (html: string) =>
    [...html.matchAll(/data-id="([^"]+)" data-sha256="([0-9a-f]{64})" data-size="(\d+)"/g)].map((m) => ({ id: m[1]!, sha256: m[2]!, size: Number(m[3]) }));

  it('streams a file to the plugin store with its SHA-256 and size, and reads it back', async () => {
    const bytes = bytesOf(300_000, 7);
    const before = (await attachmentNotes()).length;
    const res = await send([{ name: '../../etc/Exportação clínica.csv', bytes }]);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('1 arquivo recebido: Exportação do sistema antigo.');
    expect(html).toContain('>Exportação clínica.csv</a>');
    const [file] = kept(html);
    expect(file).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/), sha256: sha256(bytes), size: 300_000 });
    expect(stored()).toContain(file!.id);
    expect(temp()).toEqual([]);
    expect((await attachmentNotes()).length).toBe(before + 1);

    const back = await t.request(`/p/fixture-plugin/anexos/${file!.id}`, { cookie: gestor });
    expect(back.status).toBe(200);
    expect(sha256(new Uint8Array(await back.arrayBuffer()))).toBe(sha256(bytes));
  });

  it('receives several files in one request, each with its own hash', async () => {
    const files = [bytesOf(10, 1), bytesOf(200_000, 2), bytesOf(MiB, 3)].map((bytes, i) => ({ name: `parte-${i}.bin`, bytes }));
    const res = await send(files);
    expect(res.status).toBe(200);
    const got = kept(await res.text());
    expect(got.map((f) => [f.sha256, f.size])).toEqual(files.map((f) => [sha256(f.bytes), f.bytes.byteLength]));
    for (const f of got) expect(stored()).toContain(f.id);
    expect(temp()).toEqual([]);
  });

  it('answers 413 for a file one byte over the limit, removes the partial file and writes nothing', async () => {
    const notesBefore = (await attachmentNotes()).length;
    const storedBefore = stored().length;
    const res = await send([
      { name: 'pequeno.txt', bytes: bytesOf(1000) },
      { name: 'grande.csv', bytes: bytesOf(MiB + 1) },
    ]);
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('Arquivo ou envio grande demais');
    expect(html).toContain('passa do limite de 1 MB');
    expect(temp()).toEqual([]);
    expect(stored().length).toBe(storedBefore);
    expect((await attachmentNotes()).length).toBe(notesBefore);
  });

  it('stops reading a body with no Content-Length as soon as it passes the limit', async () => {
    const { contentType, body, total } = multipartStream([{ name: 'arquivos', file: { name: 'sem-tamanho.sql', size: 8 * MiB } }]);
    let sent = 0;
    const counted = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    const res = await t.app.request(
      new Request(`${origin}/p/fixture-plugin/anexos`, {
        method: 'POST',
        headers: { origin, cookie: gestor, 'content-type': contentType },
        body: counted,
        duplex: 'half',
      } as RequestInit),
    );
    expect(res.status).toBe(413);
    expect(sent).toBeLessThan(2 * MiB);
    expect(sent).toBeLessThan(total);
    expect(temp()).toEqual([]);
  });

  it('refuses a declared Content-Length over the route bound before reading anything', async () => {
    const res = await t.request('/p/fixture-plugin/anexos', {
      method: 'POST',
      cookie: gestor,
      body: 'x',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(50 * MiB) },
    });
    expect(res.status).toBe(413);
  });

  it('accepts a file of exactly the limit, and refuses a fourth file', async () => {
    const exact = await send([{ name: 'exato.bin', bytes: bytesOf(MiB) }]);
    expect(exact.status).toBe(200);
    expect(kept(await exact.text())[0]?.size).toBe(MiB);

    const storedBefore = stored().length;
    const four = await send([1, 2, 3, 4].map((i) => ({ name: `f${i}.txt`, bytes: bytesOf(100, i) })));
    expect(four.status).toBe(413);
    expect(await four.text()).toContain('Envie no máximo 3 arquivos por vez.');
    expect(stored().length).toBe(storedBefore);
    expect(temp()).toEqual([]);
  });

  it('answers an htmx upload over the limit with a fragment, not a whole page', async () => {
    const res = await send([{ name: 'grande.csv', bytes: bytesOf(MiB + 10) }], { headers: { 'hx-request': 'true' } });
    expect(res.status).toBe(413);
    const html = await res.text();
    expect(html).toContain('Arquivo ou envio grande demais');
    expect(html).not.toContain('<html');
  });

  it('still refuses a cross-origin multipart post (CSRF), before any byte is stored', async () => {
    const notesBefore = (await attachmentNotes()).length;
    const storedBefore = stored().length;
    const cross = await send([{ name: 'a.txt', bytes: bytesOf(100) }], { headers: { origin: 'https://evil.example' } });
    expect(cross.status).toBe(403);
    const site = await send([{ name: 'a.txt', bytes: bytesOf(100) }], { noOrigin: true, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    expect(temp()).toEqual([]);
    expect(stored().length).toBe(storedBefore);
    expect((await attachmentNotes()).length).toBe(notesBefore);
  });

  it('keeps uploads to the route permission: a signed-out visitor is sent to the login page, nothing stored', async () => {
    const storedBefore = stored().length;
    const res = await send([{ name: 'a.txt', bytes: bytesOf(100) }], { cookie: '' });
    expect(res.status).toBe(303);
    // medico@demo.test works in the base but is not its gestor: the write permission refuses him.
    const medico = await send([{ name: 'a.txt', bytes: bytesOf(100) }], { cookie: await t.session('medico@demo.test') });
    expect(medico.status).toBe(403);
    expect(stored().length).toBe(storedBefore);
    expect(temp()).toEqual([]);
  });

  it('does not hold a database connection while a body arrives slowly', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { contentType, body } = multipartStream([{ name: 'arquivos', file: { name: 'lento.bin', size: 256 * 1024 } }], { chunk: 16 * 1024 });
    let n = 0;
    const slow = body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        async transform(chunk, controller) {
          if (++n === 4) await gate;
          controller.enqueue(chunk);
        },
      }),
    );
    const upload = t.app.request(
      new Request(`${origin}/p/fixture-plugin/anexos`, {
        method: 'POST',
        headers: { origin, cookie: gestor, 'content-type': contentType },
        body: slow,
        duplex: 'half',
      } as RequestInit),
    );
    // While the upload waits for its body, other requests (one connection on PGlite) still get answers.
    const page = await t.request('/p/fixture-plugin', { cookie: gestor });
    expect(page.status).toBe(200);
    release();
    expect((await upload).status).toBe(200);
  });
});
