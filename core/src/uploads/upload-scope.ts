import { unlink } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.ts';
import { fieldWithNul, nulFieldError } from '../http/nul-guard.ts';
import { receiveMultipart } from './receive-upload.ts';
import type { UploadForm } from './upload-form.ts';
import type { UploadLimits } from './upload-limits.ts';

/**
 * In front of an upload route's handler (instead of the body limit): offers `receiveUpload(c)` for
 * this request, and when the request ends deletes every temp file the handler did not keep.
 */
export function uploadScope(limits: UploadLimits): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const nul = fieldWithNul(c.req.queries());
    if (nul !== null) throw nulFieldError(nul);
    const made = new Set<string>();
    let received: Promise<UploadForm> | undefined;
    // On @hono/node-server, Node's own request stream (see receiveMultipart); elsewhere the web body.
    const incoming = (c.env as { incoming?: unknown } | undefined)?.incoming;
    const node = incoming instanceof Readable ? incoming : undefined;
    c.set('receiveUpload', () => (received ??= receiveMultipart(c.req.raw, node, c.get('services').uploads, limits, made)));
    try {
      await next();
    } finally {
      // A kept file was renamed away: its unlink finds nothing.
      await Promise.all([...made].map((path) => unlink(path).catch(() => {})));
    }
  };
}

/**
 * Receives the request's multipart body as it streams: each file lands in a temp file under DATA_DIR
 * with its size and SHA-256, the ordinary fields come back as text. Past the route's `upload` limits it
 * answers the pt-BR 413 page and keeps nothing. Temp files are deleted when the request ends; keep a
 * file with a file store (`ctx.files.keep(file)`). Only on routes that declare `upload` limits.
 */
export function receiveUpload(c: Context<any>): Promise<UploadForm> {
  const receive = (c as Context<AppEnv>).get('receiveUpload');
  if (!receive) {
    throw new Error(`${c.req.method} ${c.req.path} declares no upload limits: add { upload: { maxFileBytes } } to its route metadata`);
  }
  return receive();
}
