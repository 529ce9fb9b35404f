import type { Db } from '@painel/core/plugin';
import type { SettingsCache } from '../http/request.ts';
import { computeSla, type SlaState } from '../sla/compute-sla.ts';
import type { TicketRow } from '../ui/ticket-table.tsx';
import { eventsOfMany, toSlaEvents } from './ticket-events.ts';
import type { Ticket } from './ticket-store.ts';

/** Each ticket with its SLA derived from its event log and its singular's calendar (settings loaded before). */
export async function withSla(tx: Db, tickets: Ticket[], settings: SettingsCache, now: Date): Promise<TicketRow[]> {
  const events = await eventsOfMany(tx, tickets);
  return tickets.map((ticket) => ({
    ticket,
    sla: computeSla(toSlaEvents(events.get(ticket.id) ?? []), settings.calendar(ticket.resellerId), now),
  }));
}

/** Breach-risk order: the least business time left first (breached ones, most overdue first); paused last. */
export function byTimeLeft(a: { sla: SlaState }, b: { sla: SlaState }): number {
  const pausedA = a.sla.outcome === 'paused' ? 1 : 0;
  const pausedB = b.sla.outcome === 'paused' ? 1 : 0;
  return pausedA - pausedB || a.sla.remainingMs - b.sla.remainingMs;
}
