import { HttpError, isImageType, type KeptFile, type PluginRouter, type ReceivedFile, receiveUpload, safeFileName, SNIFF_BYTES } from '@painel/core/plugin';
import { sideOf } from '../access.ts';
import { findAttachment } from '../attachments/attachment-store.ts';
import { readHead } from '../attachments/read-head.ts';
import { ACCEPTED_LABEL, type AttachmentType, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_MESSAGE, sniffType } from '../attachments/sniff.ts';
import { attachments } from '../db/schema.ts';
import { isFinal } from '../domain/states.ts';
import { fileResponse } from '../http/file-response.ts';
import { readRetained, retentionGonePage } from '../http/retained-file.tsx';
import { authorOf, type Env, idParam } from '../http/request.ts';
import { notifyParticipants, notifyTeam } from '../notify.ts';
import { P } from '../permissions.ts';
import { addMessage } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { auditRequest } from './audit-request.ts';
import { loadForChange, loadRequest } from './load-request.ts';
import { requestView } from './request-view.tsx';

/** A message with up to 3 attachments of 10 MB each, streamed to disk by core's upload receiver. */
export const messageUploadLimits = { maxFileBytes: MAX_ATTACHMENT_BYTES, maxFiles: MAX_ATTACHMENTS_PER_MESSAGE, maxFields: 5 } as const;

interface Accepted {
  file: ReceivedFile;
  type: AttachmentType;
  name: string;
}

/** Each file's type from its first bytes: the accepted ones, or pt-BR problems naming the refused ones. */
async function checkAttachments(files: readonly ReceivedFile[]): Promise<{ accepted: Accepted[]; problems: string[] }> {
  const accepted: Accepted[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const label = file.name || 'arquivo';
    const type = sniffType(await readHead(file.stream(), SNIFF_BYTES), file.name);
    if (!type) problems.push(`O arquivo "${label}" não é um dos tipos aceitos (${ACCEPTED_LABEL}).`);
    else accepted.push({ file, type, name: safeFileName(file.name, type) });
  }
  return { accepted, problems };
}

/** The thread of a request: messages with attachments, and the attachments' downloads (audited). */
export function messageRoutes(router: PluginRouter, { ctx }: Env): void {
  router.post(
    '/solicitacoes/:id{[0-9]+}/mensagens',
    { permission: P.request, dataClass: 'personal', screen: 'Mensagens da migração', upload: messageUploadLimits },
    async (c) => {
      const id = idParam(c);
      const actor = c.get('actor');
      const form = await receiveUpload(c);
      const body = form.field('mensagem').trim();
      // Who may write is checked before anything is kept.
      const { r: current } = await c.get('tx')((tx) => loadForChange(c, tx, id));
      const { accepted, problems } = await checkAttachments(form.filesOf('anexos'));
      // A closed request takes no new files: retention deletes its files 14 days after closing.
      if (isFinal(current.state) && form.filesOf('anexos').length > 0) problems.push('A migração terminou: envie a mensagem sem anexos.');
      if (body.length < 1 || body.length > 5000) problems.unshift('Escreva a mensagem (até 5.000 caracteres).');
      if (problems.length > 0) return requestView(ctx, c, id, [...problems, 'Nenhum arquivo foi guardado.'], 422);
      const kept: Array<Accepted & { kept: KeptFile }> = [];
      try {
        for (const a of accepted) kept.push({ ...a, kept: await ctx.files.keep(a.file) });
        const now = ctx.clock.now();
        await c.get('tx')(async (tx) => {
          const { r } = await loadForChange(c, tx, id);
          const messageId = await addMessage(tx, r, authorOf(actor), sideOf(actor), body, now);
          if (kept.length > 0) {
            await tx.insert(attachments).values(
              kept.map((k) => ({
                resellerId: r.resellerId,
                requestId: r.id,
                clinicId: r.clinicId,
                messageId,
                fileName: k.name,
                contentType: k.type,
                sizeBytes: k.kept.size,
                sha256: k.kept.sha256,
                fileRef: k.kept.id,
                at: now,
              })),
            );
          }
          await auditRequest(ctx, c, tx, r, 'migration.message.posted', kept.length > 0 ? { attachments: kept.map((k) => `${k.name} (${k.kept.size} bytes)`).join(', ') } : undefined);
          const title = `Nova mensagem na migração #${r.id}`;
          const text = `${actor.user!.name}: ${body.slice(0, 120)}${kept.length > 0 ? ` (+${kept.length} anexo${kept.length > 1 ? 's' : ''})` : ''}`;
          await notifyParticipants(ctx, tx, r, actor.user!.id, title, text);
          if (sideOf(actor) !== 'equipe') await notifyTeam(ctx, tx, r, title, text);
        });
      } catch (error) {
        await Promise.all(kept.map((k) => ctx.files.delete(k.kept.id)));
        throw error;
      }
      await c.get('flash')(kept.length > 0 ? `Mensagem enviada com ${kept.length} anexo${kept.length > 1 ? 's' : ''}.` : 'Mensagem enviada.', 'success');
      return c.redirect(`${requestPath(id)}#mensagens`, 303);
    },
  );

  router.get('/solicitacoes/:id{[0-9]+}/anexos/:anexo{[0-9]+}', { permission: P.request, dataClass: 'personal', screen: 'Anexo da migração' }, async (c) => {
    const id = idParam(c);
    const attachmentId = idParam(c, 'anexo');
    // Whoever reads the thread may download its attachments; every download is audited.
    const row = await c.get('tx')(async (tx) => {
      const { r } = await loadRequest(c, tx, id);
      const a = await findAttachment(tx, r, attachmentId);
      if (!a) throw new HttpError(404);
      if (a.fileRef) await auditRequest(ctx, c, tx, r, 'migration.attachment.downloaded', { file: a.fileName, size: a.sizeBytes, sha256: a.sha256 });
      return a;
    });
    const stream = await readRetained(ctx.files, row.fileRef);
    if (!stream) return retentionGonePage(c, { title: 'Anexo excluído', lead: 'O anexo', fileName: row.fileName, requestId: id, section: 'mensagens' });
    return fileResponse(stream, row, isImageType(row.contentType) && c.req.query('baixar') !== '1');
  });
}
