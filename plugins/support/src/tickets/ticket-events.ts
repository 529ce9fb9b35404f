/** Writing a ticket's event log and reading it back as SLA input. */
import type { Db } from '@painel/core/plugin';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ticketEvents } from '../db/schema.ts';
import { isOneOf, PRIORITIES, STATUSES } from '../domain/vocabulary.ts';
import type { SlaEvent } from '../sla/compute-sla.ts';

export type EventKind =
  | 'opened'
  | 'priority_changed'
  | 'status_changed'
  | 'agent_replied'
  | 'client_replied'
  | 'queue_changed'
  | 'access_requested'
  | 'grant_started'
  | 'grant_ended'
  | 'continued_in'
  | 'card_moved';

export type EventRow = typeof ticketEvents.$inferSelect;

export interface TicketRef {
  resellerId: number;
  id: number;
  clinicId: number;
}

export async function recordEvent(
  tx: Db,
  ticket: TicketRef,
  event: { kind: EventKind; at: Date; actorUserId?: number | null; actorName?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await tx.insert(ticketEvents).values({
    resellerId: ticket.resellerId,
    ticketId: ticket.id,
    clinicId: ticket.clinicId,
    kind: event.kind,
    at: event.at,
    actorUserId: event.actorUserId ?? null,
    actorName: event.actorName ?? null,
    data: event.data ?? {},
  });
}

export async function eventsOf(tx: Db, ticket: { resellerId: number; id: number }): Promise<EventRow[]> {
  return tx
    .select()
    .from(ticketEvents)
    .where(and(eq(ticketEvents.resellerId, ticket.resellerId), eq(ticketEvents.ticketId, ticket.id)))
    .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
}

/** Events of many tickets at once, grouped by ticket id (tickets of one or more resellers). */
export async function eventsOfMany(tx: Db, refs: ReadonlyArray<{ resellerId: number; id: number }>): Promise<Map<number, EventRow[]>> {
  const byTicket = new Map<number, EventRow[]>();
  if (refs.length === 0) return byTicket;
  const ids = [...new Set(refs.map((r) => r.id))];
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await tx
      .select()
      .from(ticketEvents)
      .where(inArray(ticketEvents.ticketId, ids.slice(i, i + 5000)))
      .orderBy(asc(ticketEvents.at), asc(ticketEvents.id));
    for (const row of rows) {
      const list = byTicket.get(row.ticketId) ?? [];
      list.push(row);
      byTicket.set(row.ticketId, list);
    }
  }
  return byTicket;
}

/** The subset of the log the SLA depends on. */
export function toSlaEvents(rows: readonly EventRow[]): SlaEvent[] {
  const out: SlaEvent[] = [];
  for (const r of rows) {
    const d = r.data;
    switch (r.kind) {
      case 'opened':
        out.push({ kind: 'opened', at: r.at, priority: isOneOf(PRIORITIES, d.priority) ? d.priority : null });
        break;
      case 'priority_changed':
        if (isOneOf(PRIORITIES, d.to)) out.push({ kind: 'priority_changed', at: r.at, priority: d.to });
        break;
      case 'status_changed':
        if (isOneOf(STATUSES, d.to)) out.push({ kind: 'status_changed', at: r.at, status: d.to });
        break;
      case 'agent_replied':
        out.push({ kind: 'agent_replied', at: r.at });
        break;
      default:
        break;
    }
  }
  return out;
}
