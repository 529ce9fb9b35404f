import { Readable } from 'node:stream';
import { contentDisposition } from '@painel/core/plugin';

/**
 * A kept file streamed to the browser (never held in memory): its stored type, a download name, no
 * caching, no sniffing, and a sandbox CSP in case a browser renders it anyway. Images may be shown inline.
 */
export function fileResponse(stream: Readable, file: { fileName: string; contentType: string; sizeBytes: number }, inline = false): Response {
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream<Uint8Array>, {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-length': String(file.sizeBytes),
      'content-disposition': contentDisposition(file.fileName, inline ? 'inline' : 'attachment'),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}
