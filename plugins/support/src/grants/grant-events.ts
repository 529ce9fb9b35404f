import type { CoreEvents } from '@painel/core/plugin';
import { and, eq, inArray } from 'drizzle-orm';
import { tickets } from '../db/schema.ts';
import { OPEN_STATUSES } from '../domain/vocabulary.ts';
import type { SupportContext } from '../http/request.ts';
import { recordEvent } from '../tickets/ticket-events.ts';

/** Notes a grant starting or ending on the base's open vendor-queue tickets (their history shows it). */
export async function noteGrantOnTickets(
  ctx: SupportContext,
  kind: 'grant_started' | 'grant_ended',
  payload: CoreEvents['grant.started'] | CoreEvents['grant.ended'],
): Promise<void> {
  const base = { resellerId: payload.resellerId, clinicId: payload.clinicId };
  await ctx.scoped({ kind: 'clinic', ...base }, async (tx) => {
    const open = await tx
      .select()
      .from(tickets)
      .where(
        and(
          eq(tickets.resellerId, base.resellerId),
          eq(tickets.clinicId, base.clinicId),
          eq(tickets.queue, 'vendor'),
          inArray(tickets.status, [...OPEN_STATUSES]),
        ),
      );
    for (const t of open) {
      await recordEvent(tx, t, {
        kind,
        at: payload.at,
        data: 'endsAt' in payload ? { grantId: payload.grantId, endsAt: payload.endsAt.toISOString() } : { grantId: payload.grantId, reason: payload.reason },
      });
    }
  });
}
