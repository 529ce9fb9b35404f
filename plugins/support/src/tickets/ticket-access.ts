/**
 * What an actor may do on one ticket, once row-level security let them read it:
 * - requester: the clinic side (a member of the ticket's base working in it, or its singular's admin
 *   following a ticket routed to the vendor) — reads, replies, confirms or reopens a solution;
 * - agent: a vendor support agent on a vendor-queue ticket — triages, answers, moves the status;
 * - team: a singular admin on a ticket routed to the singular's own team — same as agent;
 * - observer: a platform admin — reads only.
 */
import type { Actor, PluginScope } from '@painel/core/plugin';
import type { Queue } from '../domain/vocabulary.ts';

export type TicketRole = 'requester' | 'agent' | 'team' | 'observer';

export interface TicketKey {
  resellerId: number;
  clinicId: number;
  queue: Queue;
}

export function ticketRole(actor: Actor, ticket: TicketKey): TicketRole | null {
  const user = actor.user;
  if (!user) return null;
  switch (user.kind) {
    case 'platform_admin':
      return 'observer';
    case 'support_agent':
      return ticket.queue === 'vendor' ? 'agent' : null;
    case 'migration_team':
      return null;
    case 'reseller_admin':
      if (user.resellerId !== ticket.resellerId) return null;
      return ticket.queue === 'reseller' ? 'team' : 'requester';
    case 'clinic_user': {
      const base = actor.activeClinic;
      if (!base || base.resellerId !== ticket.resellerId || base.clinicId !== ticket.clinicId) return null;
      return actor.memberships.some((m) => m.resellerId === ticket.resellerId && m.clinicId === ticket.clinicId) ? 'requester' : null;
    }
  }
}

/** The support side answers; the clinic side asks. */
export const isSupportSide = (role: TicketRole | null): role is 'agent' | 'team' => role === 'agent' || role === 'team';

/**
 * The row-level-security scope for reading and changing tickets: a support agent always works in the
 * vendor queue's 'support' scope (even while inside a granted base, whose clinic scope would show that
 * base's own-team tickets); everyone else in their request scope.
 */
export function ticketScope(actor: Actor): PluginScope | undefined {
  const user = actor.user;
  if (user?.kind === 'support_agent') return { kind: 'support', userId: user.id };
  return undefined;
}
