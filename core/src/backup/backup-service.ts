import { readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Clock } from '../clock/clock.ts';
import type { Config } from '../config/env.ts';
import { type BackupRun, type BackupTrigger, jobSchedules } from '../db/schema/index.ts';
import type { Database, Db } from '../db/types.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { nextRunAfter } from '../jobs/schedule.ts';
import type { JobRun } from '../jobs/types.ts';
import type { Notifications } from '../notifications/notifications.ts';
import { backupRunStore } from './backup-runs.ts';
import { BackupFileError, manifestPath, readManifest } from './manifest.ts';
import { backupsToPrune } from './retention.ts';
import { openBackup } from './restore.ts';
import { type BackupSource, takeBackup } from './take-backup.ts';
import { type Verification, verifyBackup } from './verify-backup.ts';

const platform = { kind: 'platform' } as const;
const hour = 3_600_000;
/** A run still `running` after this long belonged to an instance that stopped. */
const staleAfterMs = 6 * hour;
/** A backup job (dump, verification, retention) is stopped after this long. */
const backupTimeoutMs = 6 * hour;

/** Core's job kinds: the nightly backup, and "Fazer backup agora". */
export const backupJobs = { nightly: 'backup-nightly', now: 'backup-now' } as const;

export interface BackupServiceDeps {
  config: Config;
  db: Database;
  clock: Clock;
  log: Logger;
  audit: AuditLog;
  notifications: Notifications;
  jobs: JobQueue;
}

export type RequestOutcome = { queued: BackupRun } | { busy: BackupRun };

/**
 * The app's backups on core's durable jobs: the nightly run (a periodic job at BACKUP_SCHEDULE, run
 * once across instances), "Fazer backup agora" (a job enqueued with the request, with its progress in
 * backup_runs and in the job), verification of every run by a restore into a scratch database,
 * retention, and a notification to the platform admins when a run fails or does not verify. On
 * PGlite this process takes the backup itself, inside one of its own transactions (no other process
 * may open the data directory).
 */
export class BackupService {
  constructor(private readonly deps: BackupServiceDeps) {
    const schedule = deps.config.backup.schedule;
    // One set of backup jobs per queue: a second app built on the same services reuses the first's.
    if (deps.jobs.kinds('core').some((k) => k.kind === backupJobs.now)) return;
    deps.jobs.define<{ runId: number }>(backupJobs.now, (run) => this.runQueued(run), { timeoutMs: backupTimeoutMs, retries: 0 });
    if (schedule) {
      deps.jobs.define(backupJobs.nightly, (run) => this.runNightly(run), {
        schedule: { dailyAt: schedule.time, timeZone: schedule.timeZone },
        timeoutMs: backupTimeoutMs,
      });
    }
  }

  /** When the next nightly run is due (null when BACKUP_SCHEDULE=off). */
  async nextRun(tx: Db): Promise<Date | null> {
    const schedule = this.deps.config.backup.schedule;
    if (!schedule) return null;
    const [row] = await tx
      .select({ at: jobSchedules.nextRunAt })
      .from(jobSchedules)
      .where(and(eq(jobSchedules.owner, 'core'), eq(jobSchedules.kind, backupJobs.nightly)));
    return row?.at ?? nextRunAfter({ dailyAt: schedule.time, timeZone: schedule.timeZone }, this.deps.clock.now());
  }

  /**
   * "Fazer backup agora": records a queued run and enqueues its job — in the caller's transaction when
   * there is one (a request's), so both commit together — unless a run is already queued or running.
   */
  async request(user: { id: number; email: string }, context: { ip?: string | null; requestId?: string | null } = {}): Promise<RequestOutcome> {
    const now = this.deps.clock.now();
    return this.deps.db.scoped(platform, async (tx) => {
      await backupRunStore.failStale(tx, new Date(now.getTime() - staleAfterMs), now);
      const active = await backupRunStore.active(tx);
      if (active) return { busy: active };
      const queued = await backupRunStore.create(tx, { trigger: 'manual', status: 'queued', now, requestedBy: user.id });
      await this.deps.jobs.enqueue(backupJobs.now, { runId: queued.id }, { userId: user.id });
      await this.deps.audit.append(
        { action: 'backup.requested', actorUserId: user.id, actorEmail: user.email, target: `backup:${queued.id}`, ip: context.ip, requestId: context.requestId },
        tx,
      );
      return { queued };
    });
  }

  /** A backup now, recorded as a run of `trigger` (the CLI's "cli"), with verification unless skipped. */
  async runNow(trigger: BackupTrigger, options: { verify?: boolean } = {}): Promise<BackupRun> {
    const run = await this.deps.db.scoped(platform, (tx) => backupRunStore.create(tx, { trigger, status: 'running', now: this.deps.clock.now() }));
    return this.execute(run, options);
  }

  private async runNightly(job: JobRun): Promise<void> {
    const now = this.deps.clock.now();
    const run = await this.deps.db.scoped(platform, async (tx) => {
      await backupRunStore.failStale(tx, new Date(now.getTime() - staleAfterMs), now);
      return backupRunStore.create(tx, { trigger: 'schedule', status: 'running', now });
    });
    await this.finishJob(await this.execute(run, {}, job));
  }

  private async runQueued(job: JobRun<{ runId: number }>): Promise<void> {
    const claimed = await this.deps.db.scoped(platform, (tx) => backupRunStore.start(tx, job.payload.runId, this.deps.clock.now()));
    if (!claimed) throw new Error(`O backup ${job.payload.runId} não está mais na fila.`);
    await this.finishJob(await this.execute(claimed, {}, job));
  }

  /** The job fails when the backup did (its row says why); a backup that did not verify is still a backup. */
  private async finishJob(run: BackupRun): Promise<void> {
    if (run.status === 'failed') throw new Error(run.error ?? 'O backup falhou.');
  }

  private source(): BackupSource {
    const url = this.deps.config.databaseUrl;
    return url ? { driver: 'postgres', url } : { driver: 'pglite', db: this.deps.db };
  }

  private async execute(run: BackupRun, options: { verify?: boolean } = {}, job?: JobRun<unknown>): Promise<BackupRun> {
    const { config, clock, log } = this.deps;
    const backup = config.backup;
    const started = clock.now();
    const progress = async (percent: number, step: string) => {
      await this.deps.db.scoped(platform, (tx) => backupRunStore.update(tx, run.id, { progress: percent, step }));
      await job?.progress(percent, step);
    };
    try {
      await progress(5, 'Iniciando o backup');
      const taken = await takeBackup({
        source: this.source(),
        dir: backup.dir,
        appRole: config.appDbRole,
        encryptionKey: backup.encryptionKey,
        pgBinDir: backup.pgBinDir,
        now: started,
        onProgress: progress,
      });
      const m = taken.manifest;
      await this.deps.db.scoped(platform, (tx) =>
        backupRunStore.update(tx, run.id, {
          file: m.file,
          sizeBytes: m.sizeBytes,
          sha256: m.sha256,
          durationMs: m.durationMs,
          encrypted: m.encryption !== null,
          progress: 60,
          step: options.verify === false ? 'Backup gravado' : 'Verificando: restaurando numa cópia temporária',
        }),
      );
      log.info({ run: run.id, file: m.file, bytes: m.sizeBytes, ms: m.durationMs }, 'backup written');
      if (options.verify !== false) {
        await job?.progress(60, 'Verificando: restaurando numa cópia temporária');
        await this.verifyRun(run.id);
      }
      await this.deps.db.scoped(platform, (tx) =>
        backupRunStore.update(tx, run.id, { status: 'ok', progress: 100, step: 'Concluído', finishedAt: clock.now() }),
      );
      await this.prune().catch((error: unknown) => log.error({ err: error }, 'backup retention failed'));
    } catch (error) {
      const message = String((error as Error)?.message ?? error).slice(0, 1000);
      log.error({ err: error, run: run.id }, 'backup failed');
      await this.deps.db.scoped(platform, async (tx) => {
        await backupRunStore.update(tx, run.id, { status: 'failed', error: message, step: 'Falhou', finishedAt: clock.now() });
        await this.notifyAdmins(tx, 'backup.failed', 'O backup falhou', message);
      });
    }
    return (await this.deps.db.scoped(platform, (tx) => backupRunStore.get(tx, run.id)))!;
  }

  /**
   * Restores a recorded run's file into a scratch database, compares every table's row count with
   * its manifest and walks the audit chain there; records the result, and tells the platform admins
   * when it does not verify.
   */
  async verifyRun(id: number): Promise<Verification> {
    const { config } = this.deps;
    const run = await this.deps.db.scoped(platform, (tx) => backupRunStore.get(tx, id));
    if (!run?.file) throw new BackupFileError('Este backup não tem arquivo para verificar.');
    let verification: Verification;
    try {
      const opened = await openBackup(join(resolve(config.backup.dir), run.file), config.backup.encryptionKey);
      try {
        verification = await verifyBackup(opened, { appRole: config.appDbRole, pgBinDir: config.backup.pgBinDir, serverUrl: config.databaseUrl });
      } finally {
        await opened.cleanup();
      }
    } catch (error) {
      verification = { ok: false, reason: (error as Error).message, tables: 0, mismatches: [], audit: null, durationMs: 0 };
    }
    await this.deps.db.scoped(platform, async (tx) => {
      await backupRunStore.update(tx, id, {
        verified: verification.ok,
        verification: {
          reason: verification.reason,
          tables: verification.tables,
          mismatches: verification.mismatches,
          auditRows: verification.audit?.rows ?? null,
          durationMs: verification.durationMs,
          at: this.deps.clock.now().toISOString(),
        },
      });
      if (!verification.ok) await this.notifyAdmins(tx, 'backup.unverified', 'Um backup não passou na verificação', `${run.file}: ${verification.reason}`);
    });
    return verification;
  }

  private async notifyAdmins(tx: Db, kind: string, title: string, body: string): Promise<void> {
    const admins = await backupRunStore.platformAdmins(tx);
    await this.deps.notifications.notify(
      tx,
      admins.map((userId) => ({ userId, kind, title, body: body.slice(0, 1000), link: '/plataforma/backups' })),
    );
  }

  /** Applies retention to the files in BACKUP_DIR (each with its manifest); returns what was removed. */
  async prune(): Promise<string[]> {
    const { backup } = this.deps.config;
    const dir = resolve(backup.dir);
    const names = (await readdir(dir)).filter((n) => n.startsWith('painel-') && n.endsWith('.manifest.json'));
    const stored = [];
    for (const name of names) {
      const file = name.slice(0, -'.manifest.json'.length);
      try {
        const manifest = await readManifest(join(dir, file));
        // The name on disk, never a path read from the manifest.
        stored.push({ file, createdAt: new Date(manifest.createdAt) });
      } catch {
        // not ours or unreadable: left alone
      }
    }
    const prune = backupsToPrune(stored, {
      keepDaily: backup.keepDaily,
      keepWeekly: backup.keepWeekly,
      timeZone: backup.schedule?.timeZone ?? 'America/Sao_Paulo',
    });
    for (const { file } of prune) {
      await rm(join(dir, file), { force: true });
      await rm(manifestPath(join(dir, file)), { force: true });
    }
    const files = prune.map((p) => p.file);
    await this.deps.db.scoped(platform, (tx) => backupRunStore.markPruned(tx, files, this.deps.clock.now()));
    return files;
  }

  /** The last runs, newest first (the status screen). */
  latest(limit = 30): Promise<BackupRun[]> {
    return this.deps.db.scoped(platform, (tx) => backupRunStore.latest(tx, limit));
  }
}
