/**
 * `npm run backup` and `npm run restore`, run as the real commands (child processes) against a copy of
 * the demo database on each driver. On PGlite, the backup command refuses a data directory the app is
 * using (the app takes its own backups), and works once the app has stopped.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DriverName, openDatabase } from '@painel/core/testing';
import postgres from 'postgres';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { freePort, startAppProcess, waitHealthy } from '../support/app-process.ts';
import { testAppRole, withDatabase } from '../support/templates.ts';
import { testDrivers } from '../support/test-db.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function newDatabase(template?: string): Promise<string> {
  const server = inject('postgresServerUrl');
  const name = `painel_bkcli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"${template ? ` template "${template}"` : ''}`);
  await admin.end();
  cleanups.push(async () => {
    const a = postgres(server, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists "${name}" with (force)`);
    await a.end();
  });
  return withDatabase(server, name);
}

/** Environment pointing the commands at a fresh copy of the demo database. */
async function copyOfDemo(driver: DriverName): Promise<Record<string, string>> {
  const backups = tempDir('painel-bkcli-out-');
  if (driver === 'pglite') {
    const dir = tempDir('painel-bkcli-');
    const seeded = await openDatabase({ dataDir: join(dir, 'pglite'), appRole: testAppRole, loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    await seeded.close();
    return { DATA_DIR: dir, BACKUP_DIR: backups };
  }
  return { DATABASE_URL: await newDatabase(inject('postgresTemplate')), BACKUP_DIR: backups };
}

function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', `core/src/cli/${script}.ts`, ...args], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'warn', APP_DB_ROLE: testAppRole, DATABASE_URL: '', DATA_DIR: '', ...env },
    });
    let output = '';
    proc.stdout.on('data', (d) => (output += d));
    proc.stderr.on('data', (d) => (output += d));
    proc.on('exit', (code) => resolve({ code, output }));
  });
}

describe.each(testDrivers())('npm run backup / restore on %s', (driver) => {
  it('backs up with a verified copy, restores into an empty target only, and refuses a tampered file', { timeout: 480_000 }, async () => {
    const env = await copyOfDemo(driver);
    const backup = await run('backup', [], env);
    expect(backup.output).toContain('Backup gravado:');
    expect(backup.output).toMatch(/verificação: Restaurado numa cópia temporária: \d+ tabelas com o mesmo número de linhas; cadeia da auditoria íntegra/);
    expect(backup.code).toBe(0);
    const [file] = readdirSync(env.BACKUP_DIR!).filter((f) => !f.endsWith('.manifest.json'));
    const path = join(env.BACKUP_DIR!, file!);

    const into = driver === 'postgres' ? await newDatabase() : join(tempDir('painel-bkcli-into-'), 'pglite');
    const restored = await run('restore', [path, '--into', into], env);
    expect(restored.output).toMatch(/Backup restaurado: \d+ tabelas, [\d.]+ linhas, iguais ao manifesto; cadeia da auditoria íntegra/);
    expect(restored.code).toBe(0);

    const again = await run('restore', [path, '--into', into], env);
    expect(again.output).toContain('não está vazi');
    expect(again.output).toContain('--replace');
    expect(again.code).toBe(1);

    const bytes = readFileSync(path);
    bytes[bytes.length - 100]! ^= 0x01;
    writeFileSync(path, bytes);
    const tampered = await run('restore', [path, '--into', into, '--replace'], env);
    expect(tampered.output).toContain('não confere com o manifesto');
    expect(tampered.code).toBe(1);
  });
});

describe('npm run backup on a PGlite data dir the app is using', () => {
  it('refuses while the app runs, naming its process, and backs up once it has stopped', { timeout: 480_000 }, async () => {
    const env = await copyOfDemo('pglite');
    const app = startAppProcess({ DATA_DIR: env.DATA_DIR!, BACKUP_DIR: env.BACKUP_DIR!, DEMO_DATA: 'false', BACKUP_SCHEDULE: 'off' }, await freePort());
    try {
      await waitHealthy(app, 180_000);
      const refused = await run('backup', [], env);
      expect(refused.output).toContain(`está em uso pelo processo ${app.proc.pid}`);
      expect(refused.output).toContain('Fazer backup agora');
      expect(refused.code).toBe(2);
      expect(readdirSync(env.BACKUP_DIR!)).toEqual([]);
    } finally {
      app.proc.kill('SIGTERM');
      await app.exited;
    }
    const taken = await run('backup', ['--skip-verify'], env);
    expect(taken.output).toContain('Backup gravado:');
    expect(taken.code).toBe(0);
  });
});
