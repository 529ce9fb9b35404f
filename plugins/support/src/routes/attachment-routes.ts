/** Serving an attachment: only to actors who can reach its ticket, with its sniffed type. */
import { contentDisposition as dispositionOf, HttpError, isImageType, type PluginRouter, renderPage } from '@painel/core/plugin';
import { PurgedNotice } from '../ui/purged-notice.tsx';
import { loadAttachment } from '../attachments/attachment-store.ts';
import { idParam, type SupportContext, ticketTx } from '../http/request.ts';
import { P } from '../permissions.ts';
import { ticketRole } from '../tickets/ticket-access.ts';
import { findTicket } from '../tickets/ticket-store.ts';

/** `inline` for images (thumbnails), `attachment` for PDFs; an ASCII fallback name plus the UTF-8 one. */
export function contentDisposition(fileName: string, contentType: string, download: boolean): string {
  return dispositionOf(fileName, download || !isImageType(contentType) ? 'attachment' : 'inline');
}

export function attachmentRoutes(router: PluginRouter, ctx: SupportContext): void {
  router.get('/anexos/:id', { permission: P.ticket, dataClass: 'personal', screen: 'Anexo de chamado' }, async (c) => {
    const id = idParam(c);
    const file = await ticketTx(c, async (tx) => {
      const row = await loadAttachment(tx, id);
      if (!row) return null;
      const ticket = await findTicket(tx, row.ticketId);
      if (!ticket || ticket.resellerId !== row.resellerId || !ticketRole(c.get('actor'), ticket)) return null;
      return row;
    });
    if (!file) throw new HttpError(404);
    if (!file.content || file.purgedAt) {
      return renderPage(c, {
        title: 'Anexo removido',
        status: 404,
        body: PurgedNotice({ fileName: file.fileName, ticketId: file.ticketId }),
      });
    }
    ctx.log.debug({ attachment: id }, 'attachment served');
    const bytes = file.content;
    return new Response(bytes as unknown as BodyInit, {
      status: 200,
      headers: {
        'content-type': file.contentType,
        'content-length': String(bytes.byteLength),
        'content-disposition': contentDisposition(file.fileName, file.contentType, c.req.query('baixar') === '1'),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
        'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      },
    });
  });
}
