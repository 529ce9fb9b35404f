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

  it('lets only the migration team download a backup file, streamed, audited and in the base\'s access history', async () => {
    const gestor = await t.session('clinica@demo.test');
    const id = requestIdOf(await t.request('/p/migration/solicitacoes', { cookie: gestor, form: validForm() }));
    expect((await upload(gestor, id, 'legado.dump', custom)).status).toBe(303);
    const [backup] = await platformRows<{ id: number }>(t, sql`select id::int as id from migration.backups where request_id = ${id}`);
    const path = `/p/migration/solicitacoes/${id}/backups/${backup!.id}/arquivo`;

    // The side that sent it, its singular, the platform and support inside the base may not.
    for (const email of ['clinica@demo.test', 'singular@demo.test', 'plataforma@demo.test']) {
      expect((await t.request(path, { cookie: await t.session(email) })).status, email).toBe(403);
    }
    const agent = await t.session('suporte@demo.test');
    expect((await t.request('/suporte/bases/entrar', { cookie: agent, form: { base: '1001' } })).status).toBe(303);
    expect((await t.request(path, { cookie: agent })).status).toBe(403);
    expect(await (await t.request(`/p/migration/solicitacoes/${id}`, { cookie: gestor })).text()).not.toContain('data-testid="backup-download"');

    const team = await t.session('migracao@demo.test');
    expect(await (await t.request(`/p/migration/solicitacoes/${id}`, { cookie: team })).text()).toContain(`href="${path}"`);
    const res = await t.request(path, { cookie: team });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="legado.dump"');
    expect(res.headers.get('content-length')).toBe(String(custom.length));
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array(custom));

    const audits = await platformRows<{ actor_email: string; clinic_id: string; details: Record<string, unknown> }>(
      t,
      sql`select actor_email, clinic_id::text as clinic_id, details from audit_log where action = 'migration.backup.downloaded' and target = ${`migração #${id}`}`,
    );
    expect(audits).toEqual([{ actor_email: 'migracao@demo.test', clinic_id: '1001', details: expect.objectContaining({ file: 'legado.dump', size: custom.length }) }]);
    const history = await platformRows<{ agent_email: string; screen: string; grant_id: string | null }>(
      t,
      sql`select agent_email, screen, grant_id from support_access.access_log where clinic_id = 1001 and agent_email = 'migracao@demo.test'`,
    );
    expect(history).toEqual([{ agent_email: 'migracao@demo.test', screen: `Download do backup da migração #${id} (legado.dump)`, grant_id: null }]);
    const log = await (await t.request('/acesso-suporte', { cookie: await t.session('clinica@demo.test') })).text();
    expect(log).toContain(`Download do backup da migração #${id} (legado.dump)`);
  });
});