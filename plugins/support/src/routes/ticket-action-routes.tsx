/** Actions on a ticket: triage (priority), status moves, hand-over to the vendor, support-access request. */
import { HttpError, type PluginRouter } from '@painel/core/plugin';
import { isOneOf, PRIORITIES, priorityLabel, STATUSES, statusLabel } from '../domain/vocabulary.ts';
import { authorOf, field, idParam, type SupportContext, ticketTx } from '../http/request.ts';
import { P } from '../permissions.ts';
import { isSupportSide } from '../tickets/ticket-access.ts';
import { recordEvent } from '../tickets/ticket-events.ts';
import { changePriority, changeStatus, escalateToVendor, TransitionError } from '../tickets/ticket-store.ts';
import { reachable, ticketPath } from './ticket-view.tsx';

export function ticketActionRoutes(router: PluginRouter, ctx: SupportContext): void {
  // ---- Triage -----------------------------------------------------------------------------------
  router.post('/chamados/:id/prioridade', { permission: P.ticket, dataClass: 'personal', screen: 'Prioridade do chamado', maxBodyBytes: 4096 }, async (c) => {
    const id = idParam(c);
    const form = await c.req.parseBody();
    const priority = field(form, 'prioridade');
    if (!isOneOf(PRIORITIES, priority)) {
      await c.get('flash')('Escolha a prioridade: alta, média ou baixa. Nada foi alterado.', 'error');
      return c.redirect(ticketPath(id), 303);
    }
    const changed = await ticketTx(c, async (tx) => {
      const { ticket, role } = await reachable(c, tx, id, true);
      if (!isSupportSide(role)) throw new HttpError(403, 'Só o suporte define a prioridade do chamado.');
      if (ticket.status === 'fechado') return false;
      const did = await changePriority(tx, ticket, priority, authorOf(c), ctx.clock.now());
      if (did) {
        await ctx.audit.append(
          {
            action: 'support.ticket.priority',
            actorUserId: c.get('actor').user!.id,
            actorEmail: c.get('actor').user!.email,
            resellerId: ticket.resellerId,
            clinicId: ticket.clinicId,
            target: `chamado #${id}`,
            ip: c.get('clientIp'),
            requestId: c.get('requestId'),
            details: { from: ticket.priority, to: priority },
          },
          tx,
        );
      }
      return did;
    });
    await c.get('flash')(changed ? `Prioridade definida: ${priorityLabel[priority]}. O prazo foi recalculado.` : 'A prioridade já era essa.', changed ? 'success' : 'info');
    return c.redirect(ticketPath(id), 303);
  });

  // ---- Status -----------------------------------------------------------------------------------
  router.post('/chamados/:id/situacao', { permission: P.ticket, dataClass: 'personal', screen: 'Situação do chamado', maxBodyBytes: 4096 }, async (c) => {
    const id = idParam(c);
    const form = await c.req.parseBody();
    const to = field(form, 'situacao');
    const problem = await ticketTx(c, async (tx) => {
      const { ticket, role } = await reachable(c, tx, id, true);
      if (role === 'observer') throw new HttpError(403, 'Você acompanha este chamado somente para leitura.');
      if (!isOneOf(STATUSES, to)) return 'Situação desconhecida. Nada foi alterado.';
      try {
        await changeStatus(tx, ticket, to, isSupportSide(role) ? 'support' : 'clinic', authorOf(c), ctx.clock.now());
      } catch (error) {
        if (error instanceof TransitionError) {
          return ticket.status === 'fechado'
            ? `O chamado #${id} está fechado e não pode ser reaberto. Abra um novo chamado a partir dele.`
            : `Não é possível passar de "${statusLabel[ticket.status]}" para "${statusLabel[to]}". Nada foi alterado.`;
        }
        throw error;
      }
      return null;
    });
    if (problem) await c.get('flash')(problem, 'error');
    else await c.get('flash')(`Situação alterada para ${statusLabel[to as keyof typeof statusLabel]}.`, 'success');
    return c.redirect(ticketPath(id), 303);
  });

  // ---- The singular's team hands a ticket to the vendor -------------------------------------------
  router.post('/chamados/:id/encaminhar', { permission: P.team, dataClass: 'personal', screen: 'Encaminhar chamado', maxBodyBytes: 1024 }, async (c) => {
    const id = idParam(c);
    await ticketTx(c, async (tx) => {
      const { ticket, role } = await reachable(c, tx, id, true);
      if (role !== 'team') throw new HttpError(409, 'Este chamado já está com o suporte do fornecedor.', { title: 'Nada a encaminhar' });
      if (ticket.status === 'fechado') throw new HttpError(409, 'Chamado fechado.', { title: 'Nada a encaminhar' });
      await escalateToVendor(tx, ticket, authorOf(c), ctx.clock.now());
    });
    await c.get('flash')(`Chamado #${id} encaminhado ao suporte do fornecedor.`, 'success');
    return c.redirect('/p/support/singular', 303);
  });

  // ---- Support access (LGPD grant) --------------------------------------------------------------
  router.post('/chamados/:id/acesso', { permission: P.agent, dataClass: 'personal', screen: 'Solicitar acesso à base', maxBodyBytes: 1024 }, async (c) => {
    const id = idParam(c);
    const port = ctx.supportAccess();
    if (!port) {
      await c.get('flash')('Acesso suporte indisponível nesta instalação. Nada foi solicitado.', 'error');
      return c.redirect(ticketPath(id), 303);
    }
    const user = c.get('actor').user!;
    const message = await ticketTx(c, async (tx) => {
      const { ticket } = await reachable(c, tx, id);
      const base = { resellerId: ticket.resellerId, clinicId: ticket.clinicId };
      if (await port.activeGrant(tx, base)) return { tone: 'info' as const, text: 'A base já está com o acesso suporte liberado.' };
      await port.requestAccess(tx, { agentUserId: user.id, agentName: user.name, agentEmail: user.email, ...base, reason: `Chamado #${ticket.id}: ${ticket.subject}`.slice(0, 200) });
      await recordEvent(tx, ticket, { kind: 'access_requested', at: ctx.clock.now(), actorUserId: user.id, actorName: user.name });
      return { tone: 'success' as const, text: `Acesso solicitado à base ${ticket.clinicId}. A gestora recebe o pedido com o número do chamado.` };
    });
    await c.get('flash')(message.text, message.tone);
    return c.redirect(ticketPath(id), 303);
  });
}
