import type { Db } from '@painel/core/plugin';
import { and, asc, eq } from 'drizzle-orm';
import { cards, tickets } from '../db/schema.ts';
import type { BoardColumn } from '../domain/vocabulary.ts';

export interface BoardCard {
  id: number;
  column: BoardColumn;
  movedAt: Date;
  movedByName: string | null;
  ticketId: number;
  subject: string;
  category: 'duvida' | 'erro' | 'melhoria' | 'tiss';
  module: string;
  clinicId: number;
  clinicName: string;
  ticketStatus: string;
  openedAt: Date;
}

export async function boardOf(tx: Db, resellerId: number): Promise<BoardCard[]> {
  return tx
    .select({
      id: cards.id,
      column: cards.column,
      movedAt: cards.movedAt,
      movedByName: cards.movedByName,
      ticketId: tickets.id,
      subject: tickets.subject,
      category: tickets.category,
      module: tickets.module,
      clinicId: tickets.clinicId,
      clinicName: tickets.clinicName,
      ticketStatus: tickets.status,
      openedAt: tickets.openedAt,
    })
    .from(cards)
    .innerJoin(tickets, and(eq(tickets.resellerId, cards.resellerId), eq(tickets.id, cards.ticketId)))
    .where(eq(cards.resellerId, resellerId))
    .orderBy(asc(cards.movedAt), asc(cards.id));
}

/** Moves a card of this reseller; false when there is no such card. */
export async function moveCard(tx: Db, input: { resellerId: number; cardId: number; to: BoardColumn; byName: string; at: Date }) {
  const [row] = await tx
    .select({ column: cards.column, ticketId: cards.ticketId, clinicId: cards.clinicId })
    .from(cards)
    .where(and(eq(cards.resellerId, input.resellerId), eq(cards.id, input.cardId)))
    .for('update');
  if (!row) return null;
  if (row.column !== input.to) {
    await tx
      .update(cards)
      .set({ column: input.to, movedAt: input.at, movedByName: input.byName })
      .where(and(eq(cards.resellerId, input.resellerId), eq(cards.id, input.cardId)));
  }
  return row;
}
