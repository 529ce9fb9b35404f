/** Lists of tickets for the queues (RLS narrows every query to what the scope may see). */
import type { Db } from '@painel/core/plugin';
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import { tickets } from '../db/schema.ts';
import { OPEN_STATUSES, type Priority, type Queue, type TicketStatus } from '../domain/vocabulary.ts';
import type { Ticket } from './ticket-store.ts';

export const PAGE_SIZE = 50;

export interface TicketFilter {
  resellerId?: number | undefined;
  clinicId?: number | undefined;
  queue?: Queue | undefined;
  /** 'abertos' = the three open statuses; otherwise one status; undefined = all. */
  status?: TicketStatus | 'abertos' | undefined;
  priority?: Priority | 'sem' | undefined;
  /** Ticket number or words of the subject. */
  q?: string | undefined;
  page?: number | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

function where(f: TicketFilter): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  if (f.resellerId !== undefined) parts.push(eq(tickets.resellerId, f.resellerId));
  if (f.clinicId !== undefined) parts.push(eq(tickets.clinicId, f.clinicId));
  if (f.queue) parts.push(eq(tickets.queue, f.queue));
  if (f.status === 'abertos') parts.push(inArray(tickets.status, [...OPEN_STATUSES]));
  else if (f.status) parts.push(eq(tickets.status, f.status));
  if (f.priority === 'sem') parts.push(isNull(tickets.priority));
  else if (f.priority) parts.push(eq(tickets.priority, f.priority));
  const q = f.q?.trim().replace(/^#/, '');
  if (q) {
    parts.push(
      /^\d{1,15}$/.test(q) ? or(eq(tickets.id, Number(q)), eq(tickets.clinicId, Number(q))) : ilike(tickets.subject, `%${escapeLike(q)}%`),
    );
  }
  return and(...parts);
}

/** One page (newest first), plus whether there is a next page. */
export async function listTickets(tx: Db, f: TicketFilter): Promise<{ rows: Ticket[]; hasNext: boolean }> {
  const page = Math.max(1, f.page ?? 1);
  const rows = await tx
    .select()
    .from(tickets)
    .where(where(f))
    .orderBy(desc(tickets.openedAt), desc(tickets.id))
    .limit(PAGE_SIZE + 1)
    .offset((page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}

/** Tickets still waiting for their first response (the breach-risk list), oldest first. */
export async function awaitingFirstResponse(tx: Db, f: { queue: Queue; resellerId?: number | undefined }, limit = 2000): Promise<Ticket[]> {
  return tx
    .select()
    .from(tickets)
    .where(
      and(
        eq(tickets.queue, f.queue),
        f.resellerId !== undefined ? eq(tickets.resellerId, f.resellerId) : undefined,
        isNull(tickets.firstResponseAt),
        inArray(tickets.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(asc(tickets.openedAt))
    .limit(limit);
}

/** Tickets opened in [from, to), for indicators. */
export async function ticketsOpenedBetween(
  tx: Db,
  f: { from: Date; to: Date; resellerId?: number | undefined; clinicId?: number | undefined },
): Promise<Ticket[]> {
  return tx
    .select()
    .from(tickets)
    .where(
      and(
        gte(tickets.openedAt, f.from),
        lt(tickets.openedAt, f.to),
        f.resellerId !== undefined ? eq(tickets.resellerId, f.resellerId) : undefined,
        f.clinicId !== undefined ? eq(tickets.clinicId, f.clinicId) : undefined,
      ),
    )
    .orderBy(asc(tickets.openedAt));
}

/** Open tickets now (backlog), by reseller / base filter. */
export async function openTickets(tx: Db, f: { resellerId?: number | undefined; clinicId?: number | undefined }): Promise<Ticket[]> {
  return tx
    .select()
    .from(tickets)
    .where(
      and(
        inArray(tickets.status, [...OPEN_STATUSES]),
        f.resellerId !== undefined ? eq(tickets.resellerId, f.resellerId) : undefined,
        f.clinicId !== undefined ? eq(tickets.clinicId, f.clinicId) : undefined,
      ),
    );
}
