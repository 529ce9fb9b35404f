/** Reading and changing tickets. Every function runs inside the caller's transaction. */
import type { Db } from '@painel/core/plugin';
import { and, asc, eq } from 'drizzle-orm';
import { type AcceptedFile } from '../attachments/sniff.ts';
import { storeAttachments } from '../attachments/attachment-store.ts';
import { cards, messages, tickets } from '../db/schema.ts';
import { canMove, type Side } from '../domain/transitions.ts';
import {
  BOARD_CATEGORIES,
  type Category,
  type Priority,
  type Queue,
  type SystemModule,
  type TicketStatus,
} from '../domain/vocabulary.ts';
import { recordEvent } from './ticket-events.ts';

export type Ticket = typeof tickets.$inferSelect;
export type Message = typeof messages.$inferSelect;

export interface Author {
  userId: number | null;
  name: string;
}

export interface NewTicket {
  resellerId: number;
  clinicId: number;
  clinicName: string;
  resellerName: string;
  category: Category;
  module: SystemModule;
  subject: string;
  body: string;
  files: readonly AcceptedFile[];
  queue: Queue;
  previousTicketId: number | null;
  author: Author;
  at: Date;
}

/** Opens a ticket: the ticket, its "opened" event, the first message and files, and a board card for bugs/improvements. */
export async function openTicket(tx: Db, input: NewTicket): Promise<Ticket> {
  const [ticket] = await tx
    .insert(tickets)
    .values({
      resellerId: input.resellerId,
      clinicId: input.clinicId,
      clinicName: input.clinicName,
      resellerName: input.resellerName,
      openedByUserId: input.author.userId,
      openedByName: input.author.name,
      category: input.category,
      module: input.module,
      subject: input.subject,
      status: 'aberto',
      queue: input.queue,
      previousTicketId: input.previousTicketId,
      openedAt: input.at,
      updatedAt: input.at,
    })
    .returning();
  const t = ticket!;
  await recordEvent(tx, t, {
    kind: 'opened',
    at: input.at,
    actorUserId: input.author.userId,
    actorName: input.author.name,
    data: { priority: null, queue: input.queue, previousTicketId: input.previousTicketId },
  });
  await addMessage(tx, t, { author: input.author, role: 'clinic', body: input.body, files: input.files, at: input.at });
  if (BOARD_CATEGORIES.includes(input.category)) {
    await tx.insert(cards).values({ resellerId: t.resellerId, clinicId: t.clinicId, ticketId: t.id, createdAt: input.at, movedAt: input.at });
  }
  if (input.previousTicketId !== null) {
    await recordEvent(
      tx,
      { resellerId: t.resellerId, id: input.previousTicketId, clinicId: t.clinicId },
      { kind: 'continued_in', at: input.at, actorUserId: input.author.userId, actorName: input.author.name, data: { ticketId: t.id } },
    );
  }
  return t;
}

/** The ticket with this number, if the transaction's scope may see it. */
export async function findTicket(tx: Db, id: number, forUpdate = false): Promise<Ticket | null> {
  const q = tx.select().from(tickets).where(eq(tickets.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function messagesOf(tx: Db, ticket: { resellerId: number; id: number }): Promise<Message[]> {
  return tx
    .select()
    .from(messages)
    .where(and(eq(messages.resellerId, ticket.resellerId), eq(messages.ticketId, ticket.id)))
    .orderBy(asc(messages.createdAt), asc(messages.id));
}

export async function addMessage(
  tx: Db,
  ticket: Ticket,
  input: { author: Author; role: 'clinic' | 'agent' | 'team'; body: string; files: readonly AcceptedFile[]; at: Date },
): Promise<Message> {
  const [message] = await tx
    .insert(messages)
    .values({
      resellerId: ticket.resellerId,
      ticketId: ticket.id,
      clinicId: ticket.clinicId,
      authorUserId: input.author.userId,
      authorName: input.author.name,
      authorRole: input.role,
      body: input.body,
      createdAt: input.at,
    })
    .returning();
  await storeAttachments(
    tx,
    { resellerId: ticket.resellerId, clinicId: ticket.clinicId, ticketId: ticket.id, messageId: message!.id },
    input.files,
    input.at,
  );
  return message!;
}

/**
 * A reply: the message, a "replied" event (the first one of the support side is the SLA's first
 * response) and, when it changes, the new status. Returns the status after the reply.
 */
export async function reply(
  tx: Db,
  ticket: Ticket,
  input: { author: Author; side: 'support' | 'clinic'; role: 'clinic' | 'agent' | 'team'; body: string; files: readonly AcceptedFile[]; status: TicketStatus; at: Date },
): Promise<TicketStatus> {
  await addMessage(tx, ticket, input);
  await recordEvent(tx, ticket, {
    kind: input.side === 'support' ? 'agent_replied' : 'client_replied',
    at: input.at,
    actorUserId: input.author.userId,
    actorName: input.author.name,
    data: { role: input.role },
  });
  const patch: Partial<Ticket> = { updatedAt: input.at };
  if (input.side === 'support' && !ticket.firstResponseAt) patch.firstResponseAt = input.at;
  await tx.update(tickets).set(patch).where(and(eq(tickets.resellerId, ticket.resellerId), eq(tickets.id, ticket.id)));
  if (input.status !== ticket.status) {
    await changeStatus(tx, { ...ticket, ...patch }, input.status, input.side, input.author, input.at);
  }
  return input.status;
}

export class TransitionError extends Error {
  override name = 'TransitionError';
}

/** Moves the status along an allowed transition (refuses anything else: a closed ticket stays closed). */
export async function changeStatus(tx: Db, ticket: Ticket, to: TicketStatus, side: Side, author: Author, at: Date): Promise<void> {
  if (!canMove(ticket.status, to, side)) {
    throw new TransitionError(`Não é possível passar o chamado #${ticket.id} de "${ticket.status}" para "${to}".`);
  }
  const patch: Partial<Ticket> = { status: to, updatedAt: at };
  if (to === 'resolvido') patch.resolvedAt = at;
  if (to === 'fechado') patch.closedAt = at;
  if (to === 'em_atendimento') patch.resolvedAt = null;
  await tx.update(tickets).set(patch).where(and(eq(tickets.resellerId, ticket.resellerId), eq(tickets.id, ticket.id)));
  await recordEvent(tx, ticket, { kind: 'status_changed', at, actorUserId: author.userId, actorName: author.name, data: { from: ticket.status, to } });
}

export async function changePriority(tx: Db, ticket: Ticket, to: Priority, author: Author, at: Date): Promise<boolean> {
  if (ticket.priority === to) return false;
  await tx.update(tickets).set({ priority: to, updatedAt: at }).where(and(eq(tickets.resellerId, ticket.resellerId), eq(tickets.id, ticket.id)));
  await recordEvent(tx, ticket, { kind: 'priority_changed', at, actorUserId: author.userId, actorName: author.name, data: { from: ticket.priority, to } });
  return true;
}

/** The singular's team hands a ticket to the vendor's support queue. */
export async function escalateToVendor(tx: Db, ticket: Ticket, author: Author, at: Date): Promise<void> {
  await tx.update(tickets).set({ queue: 'vendor', updatedAt: at }).where(and(eq(tickets.resellerId, ticket.resellerId), eq(tickets.id, ticket.id)));
  await recordEvent(tx, ticket, { kind: 'queue_changed', at, actorUserId: author.userId, actorName: author.name, data: { from: ticket.queue, to: 'vendor' } });
}
