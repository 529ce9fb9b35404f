/** Reading one ticket: the reachability check shared by every ticket route, and the ticket page. */
import { type Db, HttpError, renderPage } from '@painel/core/plugin';
import { attachmentsOf } from '../attachments/attachment-store.ts';
import type { GrantState } from '../grants/grant-panel.tsx';
import { type Ctx, type SupportContext, ticketTx } from '../http/request.ts';
import { TicketPage } from '../pages/ticket-page.tsx';
import { calendarOf } from '../settings/settings-schema.ts';
import { computeSla } from '../sla/compute-sla.ts';
import { type TicketRole, ticketRole } from '../tickets/ticket-access.ts';
import { eventsOf, toSlaEvents } from '../tickets/ticket-events.ts';
import { findTicket, messagesOf, type Ticket } from '../tickets/ticket-store.ts';

export const ticketPath = (id: number) => `/p/support/chamados/${id}`;

/** The ticket and the actor's role on it, or 404 (RLS hides other tenants' tickets; the role check the rest). */
export async function reachable(c: Ctx, tx: Db, id: number, forUpdate = false): Promise<{ ticket: Ticket; role: TicketRole }> {
  const ticket = await findTicket(tx, id, forUpdate);
  const role = ticket && ticketRole(c.get('actor'), ticket);
  if (!ticket || !role) throw new HttpError(404);
  return { ticket, role };
}

/** Where "Voltar à lista" goes for this actor. */
function backHref(c: Ctx, ticket: Ticket): string {
  const kind = c.get('actor').user?.kind;
  if (kind === 'support_agent') return '/p/support/fila';
  if (kind === 'reseller_admin' && ticket.queue === 'reseller') return '/p/support/singular';
  if (kind === 'reseller_admin') return '/p/support/singular?fila=todos';
  if (kind === 'platform_admin') return '/p/support/indicadores';
  return '/p/support/chamados';
}

/** The ticket page (SLA derived from the log with the singular's calendar; grant panel for agents). */
export async function showTicket(
  c: Ctx,
  ctx: SupportContext,
  id: number,
  extra: { replyErrors?: string[]; replyValue?: string; status?: 200 | 422 } = {},
): Promise<Response> {
  const port = ctx.supportAccess();
  const data = await ticketTx(c, async (tx) => {
    const { ticket, role } = await reachable(c, tx, id);
    const [messages, attachments, events] = [await messagesOf(tx, ticket), await attachmentsOf(tx, ticket), await eventsOf(tx, ticket)];
    let grant: GrantState | undefined;
    if (role === 'agent') {
      if (!port) grant = { kind: 'unavailable' };
      else {
        const active = await port.activeGrant(tx, { resellerId: ticket.resellerId, clinicId: ticket.clinicId });
        const requested = [...events].reverse().find((e) => e.kind === 'access_requested');
        grant = active
          ? { kind: 'active', endsAt: active.endsAt, enterPath: port.enterPath({ resellerId: ticket.resellerId, clinicId: ticket.clinicId }) }
          : { kind: 'none', requestedAt: requested && ctx.clock.now().getTime() - requested.at.getTime() < 86_400_000 ? requested.at : null };
      }
    }
    return { ticket, role, messages, attachments, events, grant };
  });
  const settings = await ctx.settings(data.ticket.resellerId);
  const sla = computeSla(toSlaEvents(data.events), calendarOf(settings), ctx.clock.now());
  const supportReplied = data.messages.some((m) => m.authorRole !== 'clinic');
  const continued = [...data.events].reverse().find((e) => e.kind === 'continued_in');
  return renderPage(c, {
    title: `Chamado #${data.ticket.id}`,
    status: extra.status ?? 200,
    body: (
      <TicketPage
        {...data}
        sla={sla}
        tissSuggestion={data.ticket.category === 'tiss' && !supportReplied ? settings.tissReplyText : undefined}
        replyErrors={extra.replyErrors}
        replyValue={extra.replyValue}
        continuedIn={continued ? Number(continued.data.ticketId) : null}
        backHref={backHref(c, data.ticket)}
      />
    ),
  });
}
