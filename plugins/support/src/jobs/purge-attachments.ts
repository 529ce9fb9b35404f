import { plural } from '@painel/core/plugin';
import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { attachments, tickets } from '../db/schema.ts';
import type { SupportContext } from '../http/request.ts';

/**
 * LGPD retention: deletes the bytes of attachments of tickets closed longer than each singular's
 * `attachmentRetentionDays` (the row stays as a tombstone: name, size, hash, purged_at). Audited.
 */
export async function purgeExpiredAttachments(ctx: SupportContext): Promise<number> {
  const now = ctx.clock.now();
  const resellers = await ctx.platformScoped('retenção LGPD: singulares com anexos ainda guardados', (tx) =>
    tx.selectDistinct({ resellerId: attachments.resellerId }).from(attachments).where(isNull(attachments.purgedAt)),
  );
  let purged = 0;
  for (const { resellerId } of resellers) {
    const { attachmentRetentionDays } = await ctx.settings(resellerId);
    const before = new Date(now.getTime() - attachmentRetentionDays * 86_400_000);
    const count = await ctx.scoped({ kind: 'reseller', resellerId }, async (tx) => {
      const closed = tx
        .select({ id: tickets.id })
        .from(tickets)
        .where(and(eq(tickets.resellerId, resellerId), eq(tickets.status, 'fechado'), isNotNull(tickets.closedAt), lte(tickets.closedAt, before)));
      const rows = await tx
        .update(attachments)
        .set({ content: null, purgedAt: now })
        .where(and(eq(attachments.resellerId, resellerId), isNull(attachments.purgedAt), inArray(attachments.ticketId, closed)))
        .returning({ id: attachments.id, clinicId: attachments.clinicId, ticketId: attachments.ticketId });
      if (rows.length > 0) {
        await ctx.audit.append(
          {
            action: 'support.attachments.purged',
            resellerId,
            target: `${plural(rows.length, { one: 'anexo', other: 'anexos' })} de chamados fechados há mais de ${attachmentRetentionDays} dias`,
            details: { attachmentIds: rows.map((r) => r.id).slice(0, 500), retentionDays: attachmentRetentionDays },
          },
          tx,
        );
      }
      return rows.length;
    });
    purged += count;
  }
  return purged;
}
