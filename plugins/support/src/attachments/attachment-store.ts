import { createHash } from 'node:crypto';
import type { Db } from '@painel/core/plugin';
import { and, asc, eq } from 'drizzle-orm';
import { attachments } from '../db/schema.ts';
import type { AcceptedFile } from './sniff.ts';

export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'content'>;

const metaColumns = {
  resellerId: attachments.resellerId,
  id: attachments.id,
  clinicId: attachments.clinicId,
  ticketId: attachments.ticketId,
  messageId: attachments.messageId,
  fileName: attachments.fileName,
  contentType: attachments.contentType,
  sizeBytes: attachments.sizeBytes,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
  purgedAt: attachments.purgedAt,
};

export async function storeAttachments(
  tx: Db,
  message: { resellerId: number; clinicId: number; ticketId: number; messageId: number },
  files: readonly AcceptedFile[],
  at: Date,
): Promise<void> {
  if (files.length === 0) return;
  await tx.insert(attachments).values(
    files.map((f) => ({
      ...message,
      fileName: f.fileName,
      contentType: f.type,
      sizeBytes: f.bytes.length,
      sha256: createHash('sha256').update(f.bytes).digest('hex'),
      content: f.bytes,
      createdAt: at,
    })),
  );
}

/** Attachments of a ticket, without their bytes. */
export async function attachmentsOf(tx: Db, ticket: { resellerId: number; id: number }): Promise<AttachmentMeta[]> {
  return tx
    .select(metaColumns)
    .from(attachments)
    .where(and(eq(attachments.resellerId, ticket.resellerId), eq(attachments.ticketId, ticket.id)))
    .orderBy(asc(attachments.id));
}

/** One attachment with its bytes (RLS decides whether this transaction may see it). */
export async function loadAttachment(tx: Db, id: number) {
  const [row] = await tx.select().from(attachments).where(eq(attachments.id, id));
  return row ?? null;
}
