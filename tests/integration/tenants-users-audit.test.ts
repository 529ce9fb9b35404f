import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type Db, openDatabase } from '@painel/core/testing';
import { auditCsvStream, auditWhere, verifyAuditCommand } from '@painel/tenants';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { testAppRole, withDatabase } from '../support/templates.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { count } from './tenants-users-helpers.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const auditIds = (html: string) => [...html.matchAll(/data-testid="audit-row" data-id="(\d+)"/g)].map((m) => Number(m[1]));

/** Rewrites one audit row as the database owner would, bypassing the append-only trigger. */
async function tamper(db: Database, id: number): Promise<number> {
  await db.owner.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
  const changed = await db.query<{ id: number }>(db.owner, sql`update audit_log set target = 'adulterado' where id = ${id} returning id`);
  await db.owner.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  return changed.length;
}

describe.each(testDrivers())('audit screen on %s', (driver) => {
  let db: Database;
  let t: TestApp;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    // Some history: switches by medico@, a failed login, a switch in the other singular.
    const medico = await t.login('medico@demo.test');
    for (const base of ['1002', '1001', '1002']) {
      t.clock.advance(60_000);
      await t.request('/alterar-clinica', { cookie: medico, form: { base } });
    }
    await t.request('/login', { form: { email: 'medico@demo.test', password: 'errada123' } });
    const plat = await t.login('plataforma@demo.test');
    await t.request('/alterar-clinica', { cookie: plat, form: { base: '2001' } });
  });
  afterAll(async () => {
    await db.close();
  });

  it('shows platform admins every row and reseller admins only their singular’s', async () => {
    const plat = await t.login('plataforma@demo.test');
    const all = await (await t.request('/auditoria?acao=clinic.switch', { cookie: plat })).text();
    expect(all).toContain('Clínica Vizinha Alfa');
    expect(all).toContain('Clínica Demo Norte');
    const singular = await t.login('singular@demo.test');
    const own = await (await t.request('/auditoria?acao=clinic.switch', { cookie: singular })).text();
    expect(own).toContain('Clínica Demo Norte');
    expect(own).not.toContain('Clínica Vizinha Alfa');
    const vizinha = await t.login('vizinha@demo.test');
    const theirs = await (await t.request('/auditoria?acao=clinic.switch', { cookie: vizinha })).text();
    expect(theirs).toContain('Clínica Vizinha Alfa');
    expect(theirs).not.toContain('Clínica Demo Norte');
    const gestor = await t.login('clinica@demo.test');
    expect((await t.request('/auditoria', { cookie: gestor })).status).toBe(403);
  });

  it('filters by who, base, action, outcome and period (Brasília dates)', async () => {
    const plat = await t.login('plataforma@demo.test');
    const get = async (q: string) => {
      const res = await t.request(`/auditoria${q}`, { cookie: plat });
      return { status: res.status, html: await res.text() };
    };
    const byWho = await get('?quem=medico%40demo.test&acao=clinic.switch');
    expect(auditIds(byWho.html)).toHaveLength(3);
    const byBase = await get('?quem=medico%40demo.test&acao=clinic.switch&base=1002');
    expect(auditIds(byBase.html)).toHaveLength(2);
    const denied = await get('?quem=medico%40demo.test&resultado=denied');
    expect(auditIds(denied.html)).toHaveLength(1);
    expect(denied.html).toContain('negado');
    const group = await get('?quem=medico&acao=auth.');
    expect(auditIds(group.html).length).toBeGreaterThanOrEqual(2);
    // The test clock starts on 02/03/2026 09:00 in Brasília.
    expect(auditIds((await get('?de=02/03/2026&ate=02/03/2026&quem=medico%40demo.test')).html).length).toBeGreaterThan(0);
    expect(auditIds((await get('?de=03/03/2026&quem=medico%40demo.test')).html)).toHaveLength(0);
    expect(auditIds((await get('?ate=01/03/2026')).html)).toHaveLength(0);
    const bad = await get('?de=31/02/2026&base=12a');
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('A data inicial “31/02/2026” não é válida: use dd/mm/aaaa.');
    expect(bad.html).toContain('O id da base “12a” não é válido');
  });

  it('pages newest first with a keyset cursor', async () => {
    const medico = await t.login('medico@demo.test');
    for (let i = 0; i < 56; i++) await t.request('/alterar-clinica', { cookie: medico, form: { base: i % 2 ? '1001' : '1002' } });
    const plat = await t.login('plataforma@demo.test');
    const first = await (await t.request('/auditoria?acao=clinic.switch', { cookie: plat })).text();
    const ids1 = auditIds(first);
    expect(ids1).toHaveLength(50);
    expect([...ids1].sort((a, b) => b - a)).toEqual(ids1);
    const next = /href="(\/auditoria\?[^"]*antes=(\d+))"/.exec(first);
    expect(next?.[2]).toBe(String(ids1.at(-1)));
    const second = await (await t.request(next![1]!.replace(/&amp;/g, '&'), { cookie: plat })).text();
    const ids2 = auditIds(second);
    expect(ids2.length).toBeGreaterThan(0);
    expect(Math.max(...ids2)).toBeLessThan(Math.min(...ids1));
  });

  it('exports the filtered rows as an Excel-friendly CSV (BOM, “;”, pt-BR headers, Brasília time)', async () => {
    const singular = await t.login('singular@demo.test');
    const res = await t.request('/auditoria/exportar.csv?quem=medico%40demo.test&acao=clinic.switch', { cookie: singular });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="auditoria-(\d{4}-\d{2}-\d{2})\.csv"; filename\*=UTF-8''auditoria-\1\.csv$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'ID;Data e hora (Brasília);E-mail de quem fez;ID do usuário;Agindo por;Singular;Id da base;Base;Ação;Descrição da ação;Alvo;Resultado;IP;ID da requisição;Detalhes',
    );
    expect(lines.length - 1).toBe(3 + 56);
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^\d+;\d{2}\/\d{2}\/2026 \d{2}:\d{2}:\d{2};medico@demo\.test;\d+;;Singular Demo;100[12];Clínica Demo (Centro|Norte);clinic\.switch;Troca de base/);
    }
    expect(lines.at(-1)).toContain('02/03/2026 09:01:00'); // 12:01 UTC
    expect((await t.request('/auditoria/exportar.csv?de=99/99/2026', { cookie: singular })).status).toBe(400);
    expect(await count(db, sql`select count(*) as n from audit_log where action = 'audit.export'`)).toBeGreaterThan(0);
  });

  it('streams the export in keyset batches: the same rows as one big read', async () => {
    const where = auditWhere(
      { who: '', base: null, action: '', outcome: null, fromText: '', toText: '', from: null, until: null, before: null },
      null,
    );
    const run = <T,>(fn: (tx: Db) => Promise<T>) => db.scoped({ kind: 'platform' }, fn);
    const read = async (batch: number) => new Response(auditCsvStream(run, where, batch)).text();
    const small = await read(7);
    const big = await read(100_000);
    expect(small).toBe(big);
    const total = await count(db, sql`select count(*) as n from audit_log`);
    expect(small.split('\r\n').filter(Boolean)).toHaveLength(total + 1);
  });

  it('audit:verify says the chain is intact, then names the row tampered with by the owner', async () => {
    const intact = await verifyAuditCommand(db);
    const total = await count(db, sql`select count(*) as n from audit_log`);
    expect(intact.exitCode).toBe(0);
    expect(intact.message).toBe(`Cadeia de auditoria íntegra: ${new Intl.NumberFormat('pt-BR').format(total)} registros.`);
    const [victim] = await db.query<{ id: number | string }>(db.owner, sql`select id from audit_log order by id limit 1 offset 3`);
    const id = Number(victim!.id);
    expect(await tamper(db, id)).toBe(1);
    const broken = await verifyAuditCommand(db);
    expect(broken.exitCode).toBe(1);
    expect(broken.message).toMatch(new RegExp(`^Cadeia quebrada no registro id ${id} \\(`));
  });
});

describe.each(testDrivers())('npm run audit:verify on %s', (driver) => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterAll(async () => {
    for (const clean of cleanups.reverse()) await clean();
  });

  /** A database the CLI can open on its own (a PGlite data dir, or a server database) + its env. */
  async function standalone(): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
    if (driver === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'painel-verify-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      const dataDir = join(dir, 'pglite');
      const first = await openDatabase({ dataDir, appRole: testAppRole, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
      await first.close();
      return { env: { DATA_DIR: dir }, open: () => openDatabase({ dataDir, appRole: testAppRole }) };
    }
    const server = inject('postgresServerUrl');
    const name = `painel_verify_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`);
    await admin.end();
    cleanups.push(async () => {
      const a = postgres(server, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    });
    const url = withDatabase(server, name);
    return { env: { DATABASE_URL: url }, open: () => openDatabase({ url, appRole: testAppRole, poolSize: 1 }) };
  }

  function runVerify(env: Record<string, string>) {
    const { DATABASE_URL: _u, DATA_DIR: _d, ...rest } = process.env;
    const res = spawnSync(join(root, 'node_modules/.bin/tsx'), ['tenants/src/audit/verify-main.ts'], {
      cwd: root,
      env: { ...rest, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { code: res.status, out: `${res.stdout}${res.stderr}`.trim() };
  }

  it('exits 0 on an intact chain and 1 naming the tampered row', { timeout: 120_000 }, async () => {
    const { env, open } = await standalone();
    const ok = runVerify(env);
    expect(ok.out).toMatch(/^Cadeia de auditoria íntegra: [\d.]+ registros\.$/);
    expect(ok.code).toBe(0);
    const db = await open();
    const [victim] = await db.query<{ id: number | string }>(db.owner, sql`select id from audit_log order by id limit 1`);
    expect(await tamper(db, Number(victim!.id))).toBe(1);
    await db.close();
    const broken = runVerify(env);
    expect(broken.out).toMatch(new RegExp(`^Cadeia quebrada no registro id ${Number(victim!.id)} \\(`));
    expect(broken.code).toBe(1);
  });
});
