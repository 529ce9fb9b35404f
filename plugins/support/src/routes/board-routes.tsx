/** The singular IT team's board of bug and improvement cards. */
import { HttpError, isHtmx, PageHeader, type PluginRouter, renderPage } from '@painel/core/plugin';
import { boardOf, moveCard } from '../board/board-queries.ts';
import { Board } from '../board/board-view.tsx';
import { BOARD_COLUMNS, boardColumnLabel, isOneOf } from '../domain/vocabulary.ts';
import { authorOf, field, idParam, type SupportContext } from '../http/request.ts';
import { P } from '../permissions.ts';
import { SupportTabs } from '../ui/tabs.tsx';
import { recordEvent } from '../tickets/ticket-events.ts';

export function boardRoutes(router: PluginRouter, ctx: SupportContext): void {
  router.get('/quadro', { permission: P.team, dataClass: 'personal', screen: 'Quadro de bugs e melhorias' }, async (c) => {
    const resellerId = c.get('actor').user!.resellerId!;
    const cards = await c.get('tx')((tx) => boardOf(tx, resellerId));
    return renderPage(c, {
      title: 'Quadro de bugs e melhorias',
      body: (
        <>
          <PageHeader
            title="Quadro de bugs e melhorias"
            subtitle="Chamados de erro/bug e pedidos de melhoria das bases da singular, para a equipe de TI acompanhar."
          />
          <SupportTabs current="quadro" kind="team" />
          <Board cards={cards} />
        </>
      ),
    });
  });

  router.post('/quadro/:id', { permission: P.team, dataClass: 'personal', screen: 'Mover card', maxBodyBytes: 1024 }, async (c) => {
    const cardId = idParam(c);
    const actor = c.get('actor');
    const resellerId = actor.user!.resellerId!;
    const to = field(await c.req.parseBody(), 'coluna');
    const htmx = isHtmx(c);
    if (!isOneOf(BOARD_COLUMNS, to)) {
      if (htmx) return c.html(<p class="flash flash-error">Coluna inválida. Nada foi alterado.</p>, 422);
      await c.get('flash')('Coluna inválida. Nada foi alterado.', 'error');
      return c.redirect('/p/support/quadro', 303);
    }
    const now = ctx.clock.now();
    const author = authorOf(c);
    const { moved, cards } = await c.get('tx')(async (tx) => {
      const found = await moveCard(tx, { resellerId, cardId, to, byName: author.name, at: now });
      if (found && found.column !== to) {
        await ctx.audit.append(
          {
            action: 'support.card.moved',
            actorUserId: author.userId,
            actorEmail: actor.user!.email,
            resellerId,
            clinicId: found.clinicId,
            target: `card do chamado #${found.ticketId}`,
            ip: c.get('clientIp'),
            requestId: c.get('requestId'),
            details: { from: found.column, to },
          },
          tx,
        );
        await recordEvent(tx, { resellerId, id: found.ticketId, clinicId: found.clinicId }, { kind: 'card_moved', at: now, actorUserId: author.userId, actorName: author.name, data: { from: found.column, to } });
      }
      return { moved: found, cards: found ? await boardOf(tx, resellerId) : [] };
    });
    if (!moved) throw new HttpError(404);
    const message = `Card do chamado #${moved.ticketId} em "${boardColumnLabel[to]}".`;
    if (htmx) return c.html(<Board cards={cards} flash={message} />);
    await c.get('flash')(message, 'success');
    return c.redirect('/p/support/quadro', 303);
  });
}
