/**
 * The app's own backups: the nightly run with two instances on one database (a fake clock), "Fazer
 * backup agora" as a queued run that one instance claims and reports progress on, retention, and the
 * platform admins' notification when a backup does not verify.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, type JobOutcome, ManualClock, openDatabase, schema } from '@painel/core/testing';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testAppRole, withDatabase } from '../support/templates.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, postgresServerUrl, testDrivers } from '../support/test-db.ts';

const runs = (db: Database) =>
  db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.backupRuns).orderBy(schema.backupRuns.id));

describe.each(testDrivers())('backups run by the app on %s', (driver) => {
  let db: Database;
  let second: Database;
  let dir: string;
  let clock: ManualClock;
  let a: TestApp;
  let b: TestApp;

  beforeEach(async () => {
    db = await openTestDatabase(driver);
    dir = await mkdtemp(join(tmpdir(), 'painel-backups-'));
    const env: Record<string, string> = { BACKUP_DIR: dir, BACKUP_SCHEDULE: '02:00', BACKUP_KEEP_DAILY: '1', BACKUP_KEEP_WEEKLY: '0' };
    if (driver === 'postgres') {
      const [row] = await db.query<{ name: string }>(db.owner, sql`select current_database() as name`);
      env.DATABASE_URL = withDatabase(postgresServerUrl(), row!.name);
      second = await openDatabase({ url: env.DATABASE_URL, appRole: testAppRole, poolSize: 2 });
    } else {
      second = db; // PGlite is in-process: both instances share the one embedded database.
    }
    // 01:59 in São Paulo on Dec 2nd.
    clock = new ManualClock('2026-12-02T04:59:00.000Z');
    a = await createTestApp(db, { env, clock });
    b = await createTestApp(second, { env, clock });
  });
  afterEach(async () => {
    if (second !== db) await second.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Both instances poll the job queue at the same time; the backup jobs each of them ran. */
  const tickBoth = async (): Promise<JobOutcome[]> =>
    (await Promise.all([a.services.jobs.tickOnce(), b.services.jobs.tickOnce()])).flat().filter((o) => o.kind.startsWith('backup-'));
  const nextRun = (t: TestApp) => t.db.scoped({ kind: 'platform' }, (tx) => t.backups.nextRun(tx));

  const backupJobRows = () =>
    db.scoped({ kind: 'platform' }, (tx) => tx.select().from(schema.jobs).where(eq(schema.jobs.kind, 'backup-now')));

  const files = async () => (await readdir(dir)).filter((f) => !f.endsWith('.manifest.json')).sort();

  it('runs the nightly backup once at 02:00 São Paulo time with two instances, verifies it, and keeps what retention says', { timeout: 300_000 }, async () => {
    expect((await nextRun(a))?.toISOString()).toBe('2026-12-02T05:00:00.000Z');
    expect(await tickBoth()).toEqual([]);
    expect(await runs(db)).toEqual([]);
    expect((await nextRun(b))?.toISOString()).toBe('2026-12-02T05:00:00.000Z');

    clock.set('2026-12-02T05:00:20.000Z');
    const done = await tickBoth();
    expect(done.map((o) => [o.kind, o.state])).toEqual([['backup-nightly', 'succeeded']]);
    const [run] = await runs(db);
    expect(run).toMatchObject({ trigger: 'schedule', status: 'ok', progress: 100, verified: true });
    expect(run!.file).toBe(driver === 'postgres' ? 'painel-2026-12-02T05-00-20-000Z.dump' : 'painel-2026-12-02T05-00-20-000Z.pglite.tar.gz');
    expect(String(run!.verification?.reason)).toContain('cadeia da auditoria íntegra');
    expect(await files()).toEqual([run!.file]);

    // Later the same night: the slot is taken, nothing runs again.
    clock.set('2026-12-02T05:30:00.000Z');
    expect(await tickBoth()).toEqual([]);
    expect((await nextRun(b))?.toISOString()).toBe('2026-12-03T05:00:00.000Z');

    // The next night runs once more; retention (1 daily, 0 weekly) then removes the first file.
    clock.set('2026-12-03T05:00:05.000Z');
    const next = await tickBoth();
    expect(next.map((o) => [o.kind, o.state])).toEqual([['backup-nightly', 'succeeded']]);
    const all = await runs(db);
    expect(all.map((r) => [r.trigger, r.status, r.verified, r.prunedAt !== null])).toEqual([
      ['schedule', 'ok', true, true],
      ['schedule', 'ok', true, false],
    ]);
    expect(await files()).toEqual([all[1]!.file]);
  });

  it('"Fazer backup agora" queues one run that an instance takes, with its progress on the screen', { timeout: 300_000 }, async () => {
    clock.set('2026-12-02T15:00:00.000Z');
    const cookie = await a.session('plataforma@demo.test');
    const page = await (await a.request('/plataforma/backups', { cookie })).text();
    expect(page).toContain('Nenhum backup feito ainda.');
    expect(page).toContain('03/12/2026 02:00');

    const res = await a.request('/plataforma/backups', { cookie, method: 'POST' });
    expect(res.status).toBe(303);
    const queued = await runs(db);
    expect(queued).toMatchObject([{ trigger: 'manual', status: 'queued', progress: 0 }]);
    const progress = await (await a.request('/plataforma/backups/andamento', { cookie, headers: { 'HX-Request': 'true' } })).text();
    expect(progress).toContain('Backup na fila');
    expect(progress).toContain('hx-trigger="every 2s"');

    // A second click while one is waiting queues nothing more.
    await a.request('/plataforma/backups', { cookie, method: 'POST' });
    expect(await runs(db)).toHaveLength(1);
    expect((await backupJobRows()).map((j) => [j.kind, j.state])).toEqual([['backup-now', 'queued']]);

    const done = await tickBoth();
    expect(done.map((o) => [o.kind, o.state])).toEqual([['backup-now', 'succeeded']]);
    const [run] = await runs(db);
    expect(run).toMatchObject({ trigger: 'manual', status: 'ok', progress: 100, verified: true });
    expect(run!.sizeBytes).toBeGreaterThan(0);
    expect((await backupJobRows()).map((j) => [j.state, j.percent])).toEqual([['succeeded', 100]]);

    const ended = await a.request('/plataforma/backups/andamento', { cookie, headers: { 'HX-Request': 'true' } });
    expect(ended.headers.get('HX-Refresh')).toBe('true');
    const after = await (await a.request('/plataforma/backups', { cookie })).text();
    expect(after).toContain(run!.file!);
    expect(after).toContain('Verificado');
    expect(after).toContain('Fazer backup agora');

    const [entry] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.auditLog).where(eq(schema.auditLog.action, 'backup.requested')),
    );
    expect(entry?.target).toBe(`backup:${run!.id}`);
  });

  it('tells the platform admins when a backup does not verify', { timeout: 300_000 }, async () => {
    clock.set('2026-12-02T15:00:00.000Z');
    const run = await a.backups.runNow('manual');
    expect(run.verified).toBe(true);
    // The copy no longer matches what the manifest says was backed up.
    const manifestFile = join(dir, `${run.file}.manifest.json`);
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.tableRows['public.users'] += 1;
    await writeFile(manifestFile, JSON.stringify(manifest));

    const verification = await b.backups.verifyRun(run.id);
    expect(verification.ok).toBe(false);
    expect(verification.reason).toMatch(/public\.users: \d+ linhas no backup, \d+ na cópia/);
    const [stored] = await runs(db);
    expect(stored).toMatchObject({ verified: false });

    const platformAdmin = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.email, 'plataforma@demo.test')),
    );
    const notes = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.notifications).where(and(eq(schema.notifications.kind, 'backup.unverified'))),
    );
    expect(notes.map((n) => n.userId)).toEqual([platformAdmin[0]!.id]);
    expect(notes[0]!.body).toContain('public.users');
    expect(notes[0]!.link).toBe('/plataforma/backups');

    const cookie = await a.session('plataforma@demo.test');
    expect(await (await a.request('/plataforma/backups', { cookie })).text()).toContain('Não passou na verificação');
  });
});
