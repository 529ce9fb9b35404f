/**
 * The ticket lifecycle: aberto → em atendimento → aguardando cliente → resolvido → fechado, with the
 * explicit moves below. A closed ticket is never reopened: a new conversation is a new ticket.
 */
import type { TicketStatus } from './vocabulary.ts';

/** Who moves the ticket: the support side (vendor agent or singular team) or the clinic side. */
export type Side = 'support' | 'clinic' | 'system';

const supportMoves: Record<TicketStatus, readonly TicketStatus[]> = {
  aberto: ['em_atendimento', 'aguardando_cliente', 'resolvido'],
  em_atendimento: ['aguardando_cliente', 'resolvido'],
  aguardando_cliente: ['em_atendimento', 'resolvido'],
  resolvido: ['em_atendimento', 'fechado'],
  fechado: [],
};

/** The clinic confirms a solution (closes) or says it is not solved yet (back to em atendimento). */
const clinicMoves: Record<TicketStatus, readonly TicketStatus[]> = {
  aberto: [],
  em_atendimento: [],
  aguardando_cliente: ['em_atendimento'],
  resolvido: ['em_atendimento', 'fechado'],
  fechado: [],
};

const systemMoves: Record<TicketStatus, readonly TicketStatus[]> = {
  aberto: [],
  em_atendimento: [],
  aguardando_cliente: ['em_atendimento'],
  resolvido: ['fechado'],
  fechado: [],
};

export function allowedMoves(from: TicketStatus, side: Side): readonly TicketStatus[] {
  if (side === 'support') return supportMoves[from];
  if (side === 'clinic') return clinicMoves[from];
  return systemMoves[from];
}

export function canMove(from: TicketStatus, to: TicketStatus, side: Side): boolean {
  return allowedMoves(from, side).includes(to);
}

/** Status after a reply, when the replier did not choose one. */
export function statusAfterReply(current: TicketStatus, side: Exclude<Side, 'system'>): TicketStatus {
  if (side === 'support') return current === 'aberto' ? 'em_atendimento' : current;
  // The clinic answers what support asked: the clock resumes.
  return current === 'aguardando_cliente' || current === 'resolvido' ? 'em_atendimento' : current;
}
