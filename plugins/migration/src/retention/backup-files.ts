import { and, eq, isNotNull } from 'drizzle-orm';
import { backups } from '../db/schema.ts';
import type { RetentionTarget } from './target.ts';

/** The backup files received by upload (the row stays: name, size, SHA-256, who, when, the dump's tables). */
export const backupFiles: RetentionTarget = {
  name: 'arquivos de backup',
  async deleteFor({ tx, ctx, now }, r) {
    const rows = await tx
      .select({ id: backups.id, fileRef: backups.fileRef, sizeBytes: backups.sizeBytes })
      .from(backups)
      .where(and(eq(backups.resellerId, r.resellerId), eq(backups.requestId, r.id), isNotNull(backups.fileRef)));
    for (const row of rows) {
      await ctx.files.delete(row.fileRef!);
      await tx.update(backups).set({ fileRef: null, deletedAt: now }).where(and(eq(backups.resellerId, r.resellerId), eq(backups.id, row.id)));
    }
    return { count: rows.length, bytes: rows.reduce((sum, row) => sum + (row.sizeBytes ?? 0), 0) };
  },
};
