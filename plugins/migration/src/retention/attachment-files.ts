import { and, eq, isNotNull } from 'drizzle-orm';
import { attachments } from '../db/schema.ts';
import type { RetentionTarget } from './target.ts';

/** The files attached to the thread's messages (the messages and the attachments' names, sizes and hashes stay). */
export const attachmentFiles: RetentionTarget = {
  name: 'anexos das mensagens',
  async deleteFor({ tx, ctx, now }, r) {
    const rows = await tx
      .select({ id: attachments.id, fileRef: attachments.fileRef, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .where(and(eq(attachments.resellerId, r.resellerId), eq(attachments.requestId, r.id), isNotNull(attachments.fileRef)));
    for (const row of rows) {
      await ctx.files.delete(row.fileRef!);
      await tx.update(attachments).set({ fileRef: null, deletedAt: now }).where(and(eq(attachments.resellerId, r.resellerId), eq(attachments.id, row.id)));
    }
    return { count: rows.length, bytes: rows.reduce((sum, row) => sum + row.sizeBytes, 0) };
  },
};
