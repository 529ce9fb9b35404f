/**
 * Backups of a migration request: a pg_dump of a small database (custom and plain formats) uploaded
 * through core's streamed upload lists its tables (and, for the plain one, the row counts), pre-fills
 * "all tables sent?" against the entities expected; an external link is registered with its deadline.
 * The legacy database is made on the test PostgreSQL server (pg_dump needs one); the app runs on each driver.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../support/templates.ts';
import { postgresServerUrl, testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, requestIdOf, startMigrationApp, validForm } from './migration-harness.ts';

const PG_BIN = '/usr/lib/postgresql/15/bin';

describe.each(testDrivers())('backups of a migration request (a real pg_dump), app on %s', (driver) => {
  let t: MigrationTestApp;
  let dir: string;
  let custom: Uint8Array;
  let plain: Uint8Array;
  const legacy = `painel_legado_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    // A small "legacy system" database on the test server, dumped in both formats.
    const server = postgresServerUrl();
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${legacy}"`);
    await admin.end();
    const db = postgres(withDatabase(server, legacy), { max: 1, onnotice: () => {} });
    await db.unsafe(`
      create table pacientes (id int primary key, nome text, cpf text);
      create table agenda_consultas (id int primary key, paciente int references pacientes, data timestamptz);
      create table convenios (id int primary key, nome text);
      insert into pacientes select g, 'Paciente ' || g, lpad(g::text, 11, '0') from generate_series(1, 25) g;
      insert into agenda_consultas select g, 1 + g % 25, now() from generate_series(1, 40) g;
    `);
    await db.end();
    dir = mkdtempSync(join(tmpdir(), 'painel-dump-'));
    const url = withDatabase(server, legacy);
    execFileSync(`${PG_BIN}/pg_dump`, ['-Fc', '-f', join(dir, 'legado.dump'), url]);
    execFileSync(`${PG_BIN}/pg_dump`, ['-Fp', '-f', join(dir, 'legado.sql'), url]);
    custom = readFileSync(join(dir, 'legado.dump'));
    plain = readFileSync(join(dir, 'legado.sql'));
    t = await startMigrationApp(driver);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
    const admin = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${legacy}" with (force)`);
    await admin.end();
  });

  const upload = (cookie: string, id: number, name: string, bytes: Uint8Array) => {
    const form = new FormData();
    form.append('arquivo', new File([bytes as BlobPart], name, { type: 'application/octet-stream' }));
    return t.request(`/p/migration/solicitacoes/${id}/backups/arquivo`, { cookie, body: form });
  };

  it('lists the tables of an uploaded dump, with row counts where the dump says, and pre-fills "all tables sent?"', async () => {
    const gestor = await t.session('clinica@demo.test');
    const id = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: gestor, form: validForm({ entidades: ['pacientes', 'agendamentos', 'convenios', 'procedimentos'] }) }));
    const res = await upload(gestor, id, 'legado.dump', custom);
    expect(res.status).toBe(303);
    const page = await (await t.request(`/p/migration/solicitacoes/${id}`, { cookie: gestor })).text();
    expect(page).toContain('Sem tabela aparente para: Procedimentos');
    for (const table of ['public.pacientes', 'public.agenda_consultas', 'public.convenios']) expect(page).toContain(table);
    expect(page).toContain('formato custom');
    const [row] = await platformRows<{ all_tables_sent: boolean }>(t, sql`select all_tables_sent from migration.requests where id = ${id}`);
    expect(row!.all_tables_sent).toBe(false); // procedimentos has no table

    expect((await upload(gestor, id, 'legado.sql', plain)).status).toBe(303);
    const backups = await platformRows<{ kind: string; size_bytes: string; sha256: string; dump_format: string | null; tables: Array<{ name: string; rows: number | null }> }>(
      t,
      sql`select kind, size_bytes::text as size_bytes, sha256, dump_format, tables from migration.backups where request_id = ${id} order by id`,
    );
    expect(backups.map((b) => b.dump_format)).toEqual(['custom', 'plain']);
    expect(Number(backups[0]!.size_bytes)).toBe(custom.length);
    expect(backups[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(backups[1]!.tables).toEqual(
      expect.arrayContaining([
        { name: 'public.pacientes', rows: 25 },
        { name: 'public.agenda_consultas', rows: 40 },
        { name: 'public.convenios', rows: 0 },
      ]),
    );
  });

  it('records any other file as it is, and registers an external link with its deadline', async () => {
    const admin = await t.session('singular@demo.test');
    const id = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: admin, form: validForm({ base: '1002' }) }));
    expect((await upload(admin, id, 'pacientes.csv', new TextEncoder().encode('id;nome\n1;Ana\n'))).status).toBe(303);
    const bad = await t.request(`/p/migration/solicitacoes/${id}/backups/link`, { cookie: admin, form: { url: 'ftp://x', prazo: '' } });
    expect(bad.status).toBe(303);
    expect((await t.request(`/p/migration/solicitacoes/${id}/backups/link`, { cookie: admin, form: { url: 'https://nuvem.exemplo.com.br/backup.zip', prazo: '20/03/2026' } })).status).toBe(303);
    const rows = await platformRows<{ kind: string; dump_format: string | null; url: string | null; link_deadline: string | null }>(
      t,
      sql`select kind, dump_format, url, link_deadline from migration.backups where request_id = ${id} order by id`,
    );
    expect(rows).toEqual([
      { kind: 'arquivo', dump_format: null, url: null, link_deadline: null },
      { kind: 'link', dump_format: null, url: 'https://nuvem.exemplo.com.br/backup.zip', link_deadline: '2026-03-20' },
    ]);
    const vizinha = await t.session('vizinha@demo.test');
    expect((await upload(vizinha, id, 'x.sql', plain)).status).toBe(404);
  });
});
