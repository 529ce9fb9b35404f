/**
 * A request's kept file (backup, thread attachment) at download time: its stream, or — when retention
 * deleted it — the 404 page that says so and what stayed on record.
 */
import type { Readable } from 'node:stream';
import { renderPage, StoredFileNotFound, type Files } from '@painel/core/plugin';
import type { Ctx } from './request.ts';
import { requestPath } from '../ui/request-table.tsx';

/** The stored file's stream; null when there is no file any more (deleted by retention, or gone from the store). */
export function readRetained(files: Pick<Files, 'read'>, fileRef: string | null): Promise<Readable | null> {
  if (!fileRef) return Promise.resolve(null);
  return files.read(fileRef).catch((e: unknown) => (e instanceof StoredFileNotFound ? null : Promise.reject(e)));
}

/** "Backup excluído" / "Anexo excluído": the file went with the retention policy; the request keeps its record. */
export function retentionGonePage(c: Ctx, page: { title: string; lead: string; fileName: string | null; requestId: number; section: string }) {
  return renderPage(c, {
    title: page.title,
    status: 404,
    body: (
      <section class="card" data-testid="file-deleted">
        <h1>{page.title}</h1>
        <p>
          {page.lead} <strong>{page.fileName}</strong> foi excluído pela política de retenção (14 dias após o encerramento da migração). Ficaram registrados o nome, o tamanho e o
          SHA-256.
        </p>
        <p>
          <a href={`${requestPath(page.requestId)}#${page.section}`}>Voltar à migração #{page.requestId}</a>
        </p>
      </section>
    ),
  });
}
