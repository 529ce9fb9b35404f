import type { Db } from '@painel/core/plugin';
import { asc } from 'drizzle-orm';
import { tickets } from '../db/schema.ts';
import type { SettingsCache } from '../http/request.ts';
import { withSla } from '../tickets/sla-rows.ts';
import { openTickets, ticketsOpenedBetween } from '../tickets/ticket-queries.ts';
import type { Period } from './period.ts';

export interface IndicatorFilter {
  resellerId?: number | undefined;
  clinicId?: number | undefined;
}

/** Step 1 (one transaction): tickets opened in the period, the backlog now, and the singulares seen. */
export async function loadIndicatorTickets(tx: Db, period: Period, f: IndicatorFilter) {
  const opened = await ticketsOpenedBetween(tx, { from: period.start, to: period.end, ...f });
  const backlog = await openTickets(tx, f);
  const resellers = await tx
    .selectDistinct({ id: tickets.resellerId, name: tickets.resellerName })
    .from(tickets)
    .orderBy(asc(tickets.resellerName));
  return { opened, backlog, resellers };
}

/** Step 2 (after the calendars are loaded): the SLA of each opened ticket. */
export function slaOfOpened(tx: Db, opened: Awaited<ReturnType<typeof loadIndicatorTickets>>['opened'], cache: SettingsCache, now: Date) {
  return withSla(tx, opened, cache, now);
}
