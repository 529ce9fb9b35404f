/** Reading a ticket and answering it (both sides), with attachments and the status after the reply. */
import { HttpError, type PluginRouter } from '@painel/core/plugin';
import { checkFiles } from '../attachments/sniff.ts';
import { allowedMoves, statusAfterReply } from '../domain/transitions.ts';
import { isOneOf, STATUSES, statusLabel } from '../domain/vocabulary.ts';
import { authorOf, field, filesOf, idParam, type SupportContext, ticketTx } from '../http/request.ts';
import { P } from '../permissions.ts';
import { isSupportSide } from '../tickets/ticket-access.ts';
import { messagesOf, reply } from '../tickets/ticket-store.ts';
import { reachable, showTicket, ticketPath } from './ticket-view.tsx';
import { uploadLimit } from './upload-limit.ts';

export function ticketRoutes(router: PluginRouter, ctx: SupportContext): void {
  // ---- Read -------------------------------------------------------------------------------------
  router.get('/chamados/:id', { permission: P.ticket, dataClass: 'personal', screen: 'Chamado' }, (c) => showTicket(c, ctx, idParam(c)));

  // ---- Reply ------------------------------------------------------------------------------------
  router.post('/chamados/:id/mensagens', { permission: P.ticket, dataClass: 'personal', screen: 'Responder chamado', maxBodyBytes: uploadLimit }, async (c) => {
    const id = idParam(c);
    const form = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    const body = field(form, 'mensagem');
    const chosen = field(form, 'situacao');
    const { accepted, problems } = checkFiles(await filesOf(form, 'anexos'));
    const errors = [...problems];
    if (body.length < 1 || body.length > 10_000) errors.unshift('Escreva a mensagem (até 10.000 caracteres).');
    if (errors.length > 0) return showTicket(c, ctx, id, { replyErrors: errors, replyValue: body, status: 422 });

    const author = authorOf(c);
    const now = ctx.clock.now();
    const outcome = await ticketTx(c, async (tx) => {
      const { ticket, role } = await reachable(c, tx, id, true);
      if (role === 'observer') throw new HttpError(403, 'Você acompanha este chamado somente para leitura.');
      if (ticket.status === 'fechado') return { error: `O chamado #${id} está fechado. Abra um novo chamado a partir dele.` };
      const side = isSupportSide(role) ? 'support' : 'clinic';
      let status = statusAfterReply(ticket.status, side);
      if (side === 'support' && chosen) {
        const allowed = new Set([status, ...allowedMoves(ticket.status, 'support').filter((s) => s !== 'fechado')]);
        if (!isOneOf(STATUSES, chosen) || !allowed.has(chosen)) return { error: 'Situação inválida para este chamado. Nada foi enviado.' };
        status = chosen;
      }
      await reply(tx, ticket, { author, side, role: role === 'agent' ? 'agent' : role === 'team' ? 'team' : 'clinic', body, files: accepted, status, at: now });
      const notifyUserIds = side === 'support'
        ? [ticket.openedByUserId].filter((u): u is number => u !== null && u !== author.userId)
        : [...new Set((await messagesOf(tx, ticket)).filter((m) => m.authorRole !== 'clinic' && m.authorUserId !== null).map((m) => m.authorUserId!))];
      await ctx.notifications.notify(
        tx,
        notifyUserIds.map((userId) => ({
          userId,
          kind: 'support.reply',
          title: side === 'support' ? `Resposta no chamado #${id}` : `A clínica respondeu o chamado #${id}`,
          body: ticket.subject,
          link: ticketPath(id),
          resellerId: ticket.resellerId,
          clinicId: ticket.clinicId,
        })),
      );
      return { error: null, status };
    });
    if (outcome.error) {
      await c.get('flash')(outcome.error, 'error');
      return c.redirect(ticketPath(id), 303);
    }
    await c.get('flash')(`Mensagem enviada. Situação: ${statusLabel[outcome.status!]}.`, 'success');
    return c.redirect(ticketPath(id), 303);
  });
}
