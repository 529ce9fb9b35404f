/** Opening a ticket in the active base (optionally continuing a closed one). */
import { HttpError, type PluginRouter, renderPage } from '@painel/core/plugin';
import { checkFiles } from '../attachments/sniff.ts';
import { CATEGORIES, isOneOf, MODULES } from '../domain/vocabulary.ts';
import { authorOf, type Ctx, field, filesOf, type SupportContext, ticketTx } from '../http/request.ts';
import { emptyNewTicket, NewTicketPage, type NewTicketValues } from '../pages/new-ticket-page.tsx';
import { P } from '../permissions.ts';
import { findTicket, openTicket, type Ticket } from '../tickets/ticket-store.ts';
import { ticketPath } from './ticket-view.tsx';
import { uploadLimit } from './upload-limit.ts';

/** Registered before '/chamados/:id' so that '/chamados/novo' is not read as a ticket number. */
export function newTicketRoutes(router: PluginRouter, ctx: SupportContext): void {
  const showNew = async (c: Ctx, values: NewTicketValues, errors: Record<string, string>, fileErrors: string[], status: 200 | 422 = 200) => {
    const base = c.get('actor').activeClinic!;
    const previous = values.de ? await previousOf(c, values.de) : null;
    return renderPage(c, {
      title: 'Abrir chamado',
      status,
      body: <NewTicketPage base={{ name: base.name, clinicId: base.clinicId }} values={values} errors={errors} fileErrors={fileErrors} previous={previous} />,
    });
  };

  /** The closed ticket of the active base a new one continues, or 404. */
  const previousOf = async (c: Ctx, raw: string): Promise<Ticket> => {
    if (!/^\d{1,15}$/.test(raw)) throw new HttpError(404);
    const base = c.get('actor').activeClinic!;
    const t = await ticketTx(c, (tx) => findTicket(tx, Number(raw)));
    if (!t || t.resellerId !== base.resellerId || t.clinicId !== base.clinicId) throw new HttpError(404);
    if (t.status !== 'fechado') throw new HttpError(409, `O chamado #${t.id} ainda não está fechado: continue a conversa nele.`, { title: 'Chamado em andamento' });
    return t;
  };

  router.get('/chamados/novo', { permission: P.open, dataClass: 'personal', screen: 'Abrir chamado' }, async (c) => {
    const de = c.req.query('de') ?? '';
    if (!de) return showNew(c, emptyNewTicket, {}, []);
    const previous = await previousOf(c, de);
    return showNew(c, { ...emptyNewTicket, de, categoria: previous.category, modulo: previous.module, assunto: `Continuação: ${previous.subject}`.slice(0, 120) }, {}, []);
  });

  router.post('/chamados', { permission: P.open, dataClass: 'personal', screen: 'Abrir chamado', maxBodyBytes: uploadLimit }, async (c) => {
    const actor = c.get('actor');
    const base = actor.activeClinic!;
    const form = (await c.req.parseBody({ all: true })) as Record<string, unknown>;
    const values: NewTicketValues = {
      categoria: field(form, 'categoria'),
      modulo: field(form, 'modulo'),
      assunto: field(form, 'assunto'),
      mensagem: field(form, 'mensagem'),
      de: field(form, 'de'),
    };
    const errors: Record<string, string> = {};
    if (!isOneOf(CATEGORIES, values.categoria)) errors.categoria = 'Escolha a categoria do chamado.';
    if (!isOneOf(MODULES, values.modulo)) errors.modulo = 'Escolha o módulo do sistema.';
    if (values.assunto.length < 3 || values.assunto.length > 120) errors.assunto = 'Escreva um assunto de 3 a 120 caracteres.';
    if (values.mensagem.length < 1 || values.mensagem.length > 10_000) errors.mensagem = 'Descreva a situação (até 10.000 caracteres).';
    const { accepted, problems } = checkFiles(await filesOf(form, 'anexos'));
    const previous = values.de ? await previousOf(c, values.de) : null;
    if (Object.keys(errors).length > 0 || problems.length > 0) return showNew(c, values, errors, problems, 422);

    const settings = await ctx.settings(base.resellerId);
    const author = authorOf(c);
    const now = ctx.clock.now();
    const ticket = await c.get('tx')(async (tx) => {
      const t = await openTicket(tx, {
        resellerId: base.resellerId,
        clinicId: base.clinicId,
        clinicName: base.name,
        resellerName: base.resellerName,
        category: values.categoria as Ticket['category'],
        module: values.modulo as Ticket['module'],
        subject: values.assunto,
        body: values.mensagem,
        files: accepted,
        queue: settings.ownSupportTeam ? 'reseller' : 'vendor',
        previousTicketId: previous?.id ?? null,
        author,
        at: now,
      });
      await ctx.audit.append(
        {
          action: 'support.ticket.opened',
          actorUserId: author.userId,
          actorEmail: actor.user!.email,
          resellerId: base.resellerId,
          clinicId: base.clinicId,
          target: `chamado #${t.id}`,
          ip: c.get('clientIp'),
          requestId: c.get('requestId'),
          details: { category: t.category, module: t.module, queue: t.queue, attachments: accepted.length },
        },
        tx,
      );
      return t;
    });
    const who = ticket.queue === 'reseller' ? 'a equipe de suporte da sua singular' : 'o suporte';
    await c.get('flash')(`Chamado #${ticket.id} aberto. ${who[0]!.toUpperCase()}${who.slice(1)} responderá por aqui.`, 'success');
    return c.redirect(ticketPath(ticket.id), 303);
  });
}
