/**
 * The thread of a migration request with attachments: files go through core's streamed upload into the
 * plugin's file store, their type is sniffed from their bytes (a renamed program is refused, nothing
 * kept), 10 MB at most; whoever reads the thread downloads them, every download audited; another
 * singular gets 404.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { sha256, tempDataDir } from '../support/uploads.ts';
import { type MigrationTestApp, platformRows, requestIdOf, startMigrationApp, validForm } from './migration-harness.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const csv = new TextEncoder().encode('codigo;nome\r\n1;Unimed\r\n2;Particular\r\n');

function form(fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array; type?: string }> = []): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  for (const file of files) f.append('anexos', new File([file.bytes as BlobPart], file.name, { type: file.type ?? 'application/octet-stream' }));
  return f;
}

describe.each(testDrivers())('attachments in the thread of a migration request on %s', (driver) => {
  let t: MigrationTestApp;
  const data = tempDataDir();
  let id: number;
  let gestor: string;

  beforeAll(async () => {
    t = await startMigrationApp(driver, { dataDir: data.dir });
    gestor = await t.session('clinica@demo.test');
    id = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: gestor, form: validForm() }));
  });
  afterAll(async () => {
    await t.close();
    data.remove();
  });

  const storedFiles = async () => (await t.host.get('migration')!.context.files.list()).length;
  const attachmentRows = () =>
    platformRows<{ id: number; file_name: string; content_type: string; size_bytes: string; sha256: string; file_ref: string | null }>(
      t,
      sql`select id::int as id, file_name, content_type, size_bytes::text as size_bytes, sha256, file_ref from migration.attachments where request_id = ${id} order by id`,
    );

  it('keeps the files of a message, with their sniffed type, size and SHA-256, and lists them under it', async () => {
    const before = await storedFiles();
    const res = await t.request(`/p/migration/solicitacoes/${id}/mensagens`, {
      cookie: gestor,
      body: form({ mensagem: 'Segue a tela do sistema antigo e a lista de convênios.' }, [
        { name: 'tela.png', bytes: png, type: 'image/png' },
        { name: 'convênios.csv', bytes: csv, type: 'text/csv' },
      ]),
    });
    expect(res.status).toBe(303);
    const rows = await attachmentRows();
    expect(rows.map((r) => [r.file_name, r.content_type, Number(r.size_bytes), r.sha256])).toEqual([
      ['tela.png', 'image/png', png.length, sha256(png)],
      ['convênios.csv', 'text/csv', csv.length, sha256(csv)],
    ]);
    expect(await storedFiles()).toBe(before + 2);
    const page = await (await t.request(`/p/migration/solicitacoes/${id}`, { cookie: gestor })).text();
    expect(page).toContain(`/anexos/${rows[0]!.id}?baixar=1`);
    expect(page).toContain('convênios.csv');
  });

  it('refuses a file that is not what it claims, and a message without text, keeping nothing', async () => {
    const before = await storedFiles();
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]);
    const res = await t.request(`/p/migration/solicitacoes/${id}/mensagens`, { cookie: gestor, body: form({ mensagem: 'planilha' }, [{ name: 'planilha.csv', bytes: exe }]) });
    expect(res.status).toBe(422);
    const text = await res.text();
    expect(text).toContain('O arquivo &quot;planilha.csv&quot; não é um dos tipos aceitos');
    expect(text).toContain('Nenhum arquivo foi guardado.');
    const empty = await t.request(`/p/migration/solicitacoes/${id}/mensagens`, { cookie: gestor, body: form({ mensagem: ' ' }, [{ name: 'tela.png', bytes: png }]) });
    expect(empty.status).toBe(422);
    expect(await storedFiles()).toBe(before);
    expect((await attachmentRows()).length).toBe(2);
  });

  it('refuses a file over 10 MB with 413 and keeps nothing', async () => {
    const before = await storedFiles();
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(png);
    const res = await t.request(`/p/migration/solicitacoes/${id}/mensagens`, { cookie: gestor, body: form({ mensagem: 'grande' }, [{ name: 'grande.png', bytes: big }]) });
    expect(res.status).toBe(413);
    expect(await storedFiles()).toBe(before);
  });

  it('serves each file to whoever reads the thread, audited; another singular gets 404', async () => {
    const [image, sheet] = await attachmentRows();
    const team = await t.session('migracao@demo.test');
    const got = await t.request(`/p/migration/solicitacoes/${id}/anexos/${sheet!.id}?baixar=1`, { cookie: team });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('text/csv');
    expect(got.headers.get('content-disposition')).toContain('attachment;');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(csv);
    const inline = await t.request(`/p/migration/solicitacoes/${id}/anexos/${image!.id}`, { cookie: await t.session('singular@demo.test') });
    expect(inline.headers.get('content-disposition')).toContain('inline;');
    expect(new Uint8Array(await inline.arrayBuffer())).toEqual(png);
    const audits = await platformRows<{ actor_email: string; details: Record<string, unknown> }>(
      t,
      sql`select actor_email, details from audit_log where action = 'migration.attachment.downloaded' and target = ${`migração #${id}`} order by id`,
    );
    expect(audits.map((a) => [a.actor_email, a.details.file])).toEqual([
      ['migracao@demo.test', 'convênios.csv'],
      ['singular@demo.test', 'tela.png'],
    ]);
    const vizinha = await t.session('vizinha@demo.test');
    expect((await t.request(`/p/migration/solicitacoes/${id}/anexos/${image!.id}`, { cookie: vizinha })).status).toBe(404);
    expect((await t.request(`/p/migration/solicitacoes/${id}/anexos/99999`, { cookie: gestor })).status).toBe(404);
  });
});
