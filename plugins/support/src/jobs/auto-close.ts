import { and, eq, lte } from 'drizzle-orm';
import { tickets } from '../db/schema.ts';
import type { SupportContext } from '../http/request.ts';
import { changeStatus } from '../tickets/ticket-store.ts';

/** Days a "resolvido" ticket waits for the clinic before it is closed automatically. */
export const AUTO_CLOSE_DAYS = 7;

/** Closes tickets resolved more than AUTO_CLOSE_DAYS ago (singulares that turned the plugin off are skipped). */
export async function autoCloseResolved(ctx: SupportContext): Promise<number> {
  const now = ctx.clock.now();
  const before = new Date(now.getTime() - AUTO_CLOSE_DAYS * 86_400_000);
  const due = await ctx.platformScoped(`fechamento automático: chamados resolvidos há mais de ${AUTO_CLOSE_DAYS} dias, em todas as singulares`, (tx) =>
    tx.select({ resellerId: tickets.resellerId }).from(tickets).where(and(eq(tickets.status, 'resolvido'), lte(tickets.resolvedAt, before))),
  );
  let closed = 0;
  for (const resellerId of new Set(due.map((d) => d.resellerId))) {
    if (!(await ctx.isEnabled(resellerId))) continue;
    closed += await ctx.scoped({ kind: 'reseller', resellerId }, async (tx) => {
      const rows = await tx
        .select()
        .from(tickets)
        .where(and(eq(tickets.resellerId, resellerId), eq(tickets.status, 'resolvido'), lte(tickets.resolvedAt, before)))
        .for('update');
      for (const t of rows) {
        await changeStatus(tx, t, 'fechado', 'system', { userId: null, name: `Sistema (fechado após ${AUTO_CLOSE_DAYS} dias resolvido)` }, now);
      }
      return rows.length;
    });
  }
  if (closed > 0) ctx.log.info({ closed }, 'resolved tickets closed automatically');
  return closed;
}
