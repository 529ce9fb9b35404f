import { and, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import { type BackupRun, type BackupTrigger, backupRuns, users } from '../db/schema/index.ts';
import type { Db } from '../db/types.ts';

/** The backup_runs table as the backup service uses it (always in platform scope). */
export const backupRunStore = {
  async create(tx: Db, values: { trigger: BackupTrigger; status: 'queued' | 'running'; now: Date; requestedBy?: number | undefined }): Promise<BackupRun> {
    const [row] = await tx
      .insert(backupRuns)
      .values({
        trigger: values.trigger,
        status: values.status,
        requestedBy: values.requestedBy ?? null,
        createdAt: values.now,
        startedAt: values.status === 'running' ? values.now : null,
        step: values.status === 'queued' ? 'Na fila' : 'Iniciando',
      })
      .returning();
    return row!;
  },

  /** A run that is queued or running (the button waits for it), if any. */
  async active(tx: Db): Promise<BackupRun | undefined> {
    const [row] = await tx
      .select()
      .from(backupRuns)
      .where(inArray(backupRuns.status, ['queued', 'running']))
      .orderBy(backupRuns.id)
      .limit(1);
    return row;
  },

  /** Starts a queued run (its job was claimed); undefined when it is no longer queued. */
  async start(tx: Db, id: number, now: Date): Promise<BackupRun | undefined> {
    const [row] = await tx
      .update(backupRuns)
      .set({ status: 'running', startedAt: now, step: 'Iniciando', progress: 1 })
      .where(and(eq(backupRuns.id, id), eq(backupRuns.status, 'queued')))
      .returning();
    return row;
  },

  /** Runs left `running` by an instance that stopped mid-way are marked failed after `staleBefore`. */
  async failStale(tx: Db, staleBefore: Date, now: Date): Promise<void> {
    await tx
      .update(backupRuns)
      .set({ status: 'failed', finishedAt: now, error: 'Interrompido: a instância que fazia o backup parou antes de terminar.' })
      .where(and(eq(backupRuns.status, 'running'), lt(backupRuns.startedAt, staleBefore)));
  },

  /** After a restore: runs the backup recorded as queued or running end as failed with `reason`. */
  async abandonActive(tx: Db, reason: string): Promise<void> {
    await tx
      .update(backupRuns)
      .set({ status: 'failed', error: reason, step: 'Falhou' })
      .where(inArray(backupRuns.status, ['queued', 'running']));
  },

  async update(tx: Db, id: number, values: Partial<Omit<BackupRun, 'id'>>): Promise<void> {
    await tx.update(backupRuns).set(values).where(eq(backupRuns.id, id));
  },

  async get(tx: Db, id: number): Promise<BackupRun | undefined> {
    const [row] = await tx.select().from(backupRuns).where(eq(backupRuns.id, id));
    return row;
  },

  async latest(tx: Db, limit = 30): Promise<BackupRun[]> {
    return tx.select().from(backupRuns).orderBy(desc(backupRuns.createdAt), desc(backupRuns.id)).limit(limit);
  },

  async markPruned(tx: Db, files: string[], now: Date): Promise<void> {
    if (files.length === 0) return;
    await tx.update(backupRuns).set({ prunedAt: now }).where(and(inArray(backupRuns.file, files), isNull(backupRuns.prunedAt)));
  },

  async platformAdmins(tx: Db): Promise<number[]> {
    const rows = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.kind, 'platform_admin'), eq(users.status, 'active')));
    return rows.map((r) => r.id);
  },
};
