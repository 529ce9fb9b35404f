import { formatBytes, formatDateTime, isImageType } from '@painel/core/plugin';
import type { AttachmentMeta } from '../attachments/attachment-store.ts';
import type { Message } from '../tickets/ticket-store.ts';
import { LinkifiedText } from './linkify.tsx';

const roleLabel = { clinic: 'Clínica', agent: 'Suporte', team: 'Equipe da singular' } as const;

function AttachmentList({ files }: { files: AttachmentMeta[] }) {
  if (files.length === 0) return null;
  return (
    <ul class="sup-files" aria-label="Anexos">
      {files.map((f) =>
        f.purgedAt ? (
          <li class="muted small">
            {f.fileName} — removido pela política de retenção (LGPD)
          </li>
        ) : (
          <li>
            <a href={`/p/support/anexos/${f.id}`} class="sup-file" data-testid="attachment-link">
              {isImageType(f.contentType) ? (
                <img src={`/p/support/anexos/${f.id}`} alt={`Pré-visualização de ${f.fileName}`} width="96" height="72" loading="lazy" />
              ) : (
                <span class="sup-file-icon" aria-hidden="true">
                  PDF
                </span>
              )}
              <span>
                {f.fileName}
                <br />
                <small class="muted">{formatBytes(f.sizeBytes)}</small>
              </span>
            </a>
          </li>
        ),
      )}
    </ul>
  );
}

/** The conversation, oldest first; support messages on the other side of the clinic's. */
export function Thread(props: { messages: Message[]; attachments: AttachmentMeta[] }) {
  return (
    <ol class="sup-thread" aria-label="Mensagens do chamado">
      {props.messages.map((m) => (
        <li class={`sup-msg sup-msg-${m.authorRole}`} id={`mensagem-${m.id}`}>
          <header>
            <strong>{m.authorName}</strong> <span class="badge badge-muted">{roleLabel[m.authorRole]}</span>
            <time datetime={m.createdAt.toISOString()} class="muted small">
              {formatDateTime(m.createdAt)}
            </time>
          </header>
          <div class="sup-msg-body">
            <LinkifiedText text={m.body} />
          </div>
          <AttachmentList files={props.attachments.filter((a) => a.messageId === m.id)} />
        </li>
      ))}
    </ol>
  );
}
