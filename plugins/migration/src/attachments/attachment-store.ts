/** Thread attachments: their rows (row-level security decides what a `tx` sees); the bytes live in `ctx.files`. */
import type { Db } from '@painel/core/plugin';
import { and, asc, eq } from 'drizzle-orm';
import { attachments } from '../db/schema.ts';

export type AttachmentRow = typeof attachments.$inferSelect;

export function attachmentsOf(tx: Db, r: { resellerId: number; id: number }): Promise<AttachmentRow[]> {
  return tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.resellerId, r.resellerId), eq(attachments.requestId, r.id)))
    .orderBy(asc(attachments.id));
}

export async function findAttachment(tx: Db, r: { resellerId: number; id: number }, attachmentId: number): Promise<AttachmentRow | null> {
  const [row] = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.resellerId, r.resellerId), eq(attachments.requestId, r.id), eq(attachments.id, attachmentId)));
  return row ?? null;
}
