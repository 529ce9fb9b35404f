/** HTTP responses for downloads: a CSV body (whole or streamed) with a pt-BR file name. */

/**
 * A Content-Disposition header for any file name, accents included: `filename="…"` with an ASCII
 * fallback (accents dropped, anything else unsafe replaced by `_`) for old clients, and the exact
 * UTF-8 name in `filename*` (RFC 5987/6266), which browsers prefer.
 */
export function contentDisposition(fileName: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** A CSV download: `text/csv; charset=utf-8`, attachment named `fileName`, never cached. */
export function csvResponse(body: string | ReadableStream<Uint8Array>, fileName: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(fileName),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
