import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BackupFileError,
  type BackupSource,
  countTableRows,
  type Database,
  openBackup,
  openDatabase,
  restoreInto,
  RestoreRefusedError,
  type RestoreTarget,
  takeBackup,
  verifyBackup,
} from '@painel/core/testing';
import { verifyAuditCommand } from '@painel/tenants';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAppRole, withDatabase } from '../support/templates.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, postgresServerUrl, testDrivers } from '../support/test-db.ts';

const key = Buffer.alloc(32, 7);

/** Logins, each writing a session and an audit entry, while `work` runs; returns how many were served. */
async function serveWhile(app: TestApp, work: () => Promise<unknown>): Promise<number> {
  let served = 0;
  let done = false;
  const load = (async () => {
    while (!done) {
      const res = await app.request('/login', { form: { email: 'clinica@demo.test', password: 'demo1234' } });
      expect(res.status).toBe(303);
      served++;
    }
  })();
  try {
    await work();
  } finally {
    done = true;
    await load;
  }
  return served;
}

describe.each(testDrivers())('backup and restore on %s', (driver) => {
  let db: Database;
  let app: TestApp;
  let dir: string;
  let url = '';
  const scratch: string[] = [];

  beforeEach(async () => {
    db = await openTestDatabase(driver);
    app = await createTestApp(db);
    dir = await mkdtemp(join(tmpdir(), 'painel-backup-test-'));
    if (driver === 'postgres') {
      const [row] = await db.query<{ name: string }>(db.owner, sql`select current_database() as name`);
      url = withDatabase(postgresServerUrl(), row!.name);
    }
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
    if (scratch.length > 0) {
      const admin = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
      for (const name of scratch.splice(0)) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });

  const source = (): BackupSource => (driver === 'postgres' ? { driver, url } : { driver, db });

  /** A fresh, empty target: a new database on the server, or a new PGlite folder. */
  async function freshTarget(): Promise<RestoreTarget> {
    if (driver === 'pglite') return { driver, dir: join(dir, `restored-${scratch.length}-${Date.now()}`) };
    const name = `painel_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = postgres(postgresServerUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    scratch.push(name);
    return { driver, url: withDatabase(postgresServerUrl(), name) };
  }

  async function openRestored(target: RestoreTarget): Promise<Database> {
    return target.driver === 'postgres'
      ? openDatabase({ url: target.url, appRole: testAppRole, poolSize: 2 })
      : openDatabase({ dataDir: target.dir, appRole: testAppRole });
  }

  it('takes a consistent backup while requests are served, restores it into a fresh database with equal row counts and an intact audit chain', { timeout: 300_000 }, async () => {
    let taken!: Awaited<ReturnType<typeof takeBackup>>;
    const served = await serveWhile(app, async () => {
      // Let some requests land first, so the backup overlaps them.
      await new Promise((r) => setTimeout(r, 200));
      taken = await takeBackup({ source: source(), dir, appRole: testAppRole, now: new Date('2026-12-02T05:00:00Z') });
    });
    expect(served).toBeGreaterThan(0);
    const { file, manifest } = taken;
    expect(file).toMatch(/painel-2026-12-02T05-00-00-000Z\.(dump|pglite\.tar\.gz)$/);
    expect(manifest.format).toBe(driver === 'postgres' ? 'pg_dump-custom' : 'pglite-datadir');
    expect(manifest.sizeBytes).toBe((await readFile(file)).length);
    expect(manifest.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.tableRows['public.audit_log']).toBeGreaterThan(0);
    expect(manifest.tableRows['public.backup_runs']).toBe(0);
    expect(manifest.migrations.map((m) => m.set)).toEqual(expect.arrayContaining(['core', 'tenants', 'content']));
    expect(manifest.migrations.find((m) => m.set === 'core')!.applied).toBeGreaterThanOrEqual(8);

    const target = await freshTarget();
    const opened = await openBackup(file, undefined);
    await restoreInto(opened, target, { replace: false, appRole: testAppRole });
    const restored = await openRestored(target);
    try {
      const rows = await restored.scoped({ kind: 'platform' }, () =>
        driver === 'postgres'
          ? countTableRows((text) => restored.query(restored.owner, sql.raw(text)))
          : countTableRows((text) => restored.query(restored.owner, sql.raw(text))),
      );
      expect(rows).toEqual(manifest.tableRows);
      const audit = await verifyAuditCommand(restored);
      expect(audit.exitCode, audit.message).toBe(0);
      // The app role works on the copy: a platform-scope read through row-level security.
      const [users] = await restored.scoped({ kind: 'platform' }, (tx) => restored.query<{ n: number }>(tx, sql`select count(*)::int as n from users`));
      expect(users!.n).toBe(manifest.tableRows['public.users']);
    } finally {
      await restored.close();
    }

    // The scheduled runs' verification says the same.
    const verification = await verifyBackup(opened, { appRole: testAppRole, serverUrl: url || undefined });
    expect(verification.ok, verification.reason).toBe(true);
    expect(verification.tables).toBe(Object.keys(manifest.tableRows).length);
    expect(verification.reason).toContain('cadeia da auditoria íntegra');
  });

  it('refuses a tampered backup file, and a target that is not empty unless told to replace it', { timeout: 300_000 }, async () => {
    const { file } = await takeBackup({ source: source(), dir, appRole: testAppRole, now: new Date('2026-12-02T05:00:00Z') });
    const bytes = await readFile(file);
    const tampered = Buffer.from(bytes);
    tampered[Math.floor(tampered.length / 2)]! ^= 0xff;
    await writeFile(file, tampered);
    await expect(openBackup(file, undefined)).rejects.toThrow(BackupFileError);
    await expect(openBackup(file, undefined)).rejects.toThrow(/não confere com o manifesto.*Nada foi restaurado/);
    await writeFile(file, bytes);

    const opened = await openBackup(file, undefined);
    const target = await freshTarget();
    await restoreInto(opened, target, { replace: false, appRole: testAppRole });
    await expect(restoreInto(opened, target, { replace: false, appRole: testAppRole })).rejects.toThrow(RestoreRefusedError);
    await expect(restoreInto(opened, target, { replace: false, appRole: testAppRole })).rejects.toThrow(/não está vazi[oa].*--replace/);
    await restoreInto(opened, target, { replace: true, appRole: testAppRole });
    const restored = await openRestored(target);
    try {
      expect((await verifyAuditCommand(restored)).exitCode).toBe(0);
    } finally {
      await restored.close();
    }
  });

  it('encrypts at rest with AES-256-GCM and restores only with the same key', { timeout: 300_000 }, async () => {
    const { file, manifest } = await takeBackup({ source: source(), dir, appRole: testAppRole, encryptionKey: key, now: new Date('2026-12-02T05:00:00Z') });
    expect(file.endsWith('.enc')).toBe(true);
    expect(manifest.encryption?.algorithm).toBe('aes-256-gcm');
    const head = (await readFile(file)).subarray(0, 16).toString('latin1');
    expect(head.startsWith('PSBKENC1')).toBe(true);
    expect((await readFile(file)).includes(Buffer.from(driver === 'postgres' ? 'PGDMP' : 'PG_VERSION'))).toBe(false);
    await expect(openBackup(file, undefined)).rejects.toThrow(/criptografado.*BACKUP_ENCRYPTION_KEY/);
    await expect(openBackup(file, Buffer.alloc(32, 8))).rejects.toThrow(/não é a deste backup/);
    const opened = await openBackup(file, key);
    try {
      const verification = await verifyBackup(opened, { appRole: testAppRole, serverUrl: url || undefined });
      expect(verification.ok, verification.reason).toBe(true);
    } finally {
      await opened.cleanup();
    }
  });
});
