/**
 * `npm run admin -- create-user`: a platform admin by default, a singular's admin with `--singular`.
 * Runs the real command (a child process) against a copy of the demo database on each driver.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Database, type DriverName, openDatabase, schema } from '@painel/core/testing';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { testAppRole, withDatabase } from '../support/templates.ts';
import { testDrivers } from '../support/test-db.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** The environment that points the command at a fresh copy of the demo database, and a way to open it. */
async function copyOfDemo(driver: DriverName): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
  if (driver === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'painel-cli-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const seeded = await openDatabase({
      dataDir: join(dir, 'pglite'),
      appRole: testAppRole,
      loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]),
    });
    await seeded.close();
    return { env: { DATA_DIR: dir }, open: () => openDatabase({ dataDir: join(dir, 'pglite'), appRole: testAppRole }) };
  }
  const server = inject('postgresServerUrl');
  const name = `painel_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`);
  await admin.end();
  cleanups.push(async () => {
    const a = postgres(server, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists "${name}" with (force)`);
    await a.end();
  });
  const url = withDatabase(server, name);
  return { env: { DATABASE_URL: url }, open: () => openDatabase({ url, appRole: testAppRole, poolSize: 2 }) };
}

function runAdmin(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'core/src/cli/admin.ts', ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', APP_DB_ROLE: testAppRole, ADMIN_PASSWORD: 'senha-forte-1', ...env },
    });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('exit', (code) => resolve({ code, output }));
  });
}

describe.each(testDrivers())('npm run admin -- create-user on %s', (driver) => {
  it('creates a reseller admin bound to the singular given with --singular, audited; refuses an unknown singular', { timeout: 180_000 }, async () => {
    const { env, open } = await copyOfDemo(driver);
    const made = await runAdmin(['create-user', '--email', 'nova.admin@cli.test', '--name', 'Nova Admin', '--singular', '0202'], env);
    expect(made.output).toContain('Administrador da singular Singular Vizinha criado: nova.admin@cli.test');
    expect(made.code).toBe(0);
    const unknown = await runAdmin(['create-user', '--email', 'outra@cli.test', '--name', 'Outra', '--singular', '9999'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('Nenhuma singular com o id reseller 9999.');
    const platform = await runAdmin(['create-user', '--email', 'plat@cli.test', '--name', 'Plataforma Nova'], env);
    expect(platform.code).toBe(0);

    const db = await open();
    try {
      const rows = await db.scoped({ kind: 'platform' }, async (tx) => {
        const [vizinha] = await tx.select().from(schema.resellers).where(eq(schema.resellers.code, '0202'));
        const users = await tx.select().from(schema.users);
        const audit = await tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'user.create'));
        return { vizinha: vizinha!, users, audit };
      });
      const byEmail = (e: string) => rows.users.find((u) => u.email === e);
      expect(byEmail('nova.admin@cli.test')).toMatchObject({ kind: 'reseller_admin', resellerId: rows.vizinha.id, status: 'active' });
      expect(byEmail('plat@cli.test')).toMatchObject({ kind: 'platform_admin', resellerId: null });
      expect(byEmail('outra@cli.test')).toBeUndefined();
      expect(rows.audit.find((a) => a.resellerId === rows.vizinha.id)?.details).toMatchObject({ kind: 'reseller_admin', via: 'cli', singular: '0202' });
    } finally {
      await db.close();
    }
  });
});
