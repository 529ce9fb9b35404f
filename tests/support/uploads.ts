import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway DATA_DIR for a test about files; `files(…)` lists what is in one of its folders. */
export function tempDataDir(): { dir: string; files(...parts: string[]): string[]; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'painel-uploads-'));
  return {
    dir,
    files: (...parts) => {
      try {
        return readdirSync(join(dir, ...parts));
      } catch {
        return [];
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Deterministic bytes (not all equal, so a hash or size slip shows). */
export function bytesOf(size: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >>> 16;
  }
  return out;
}

/** A multipart body as a stream that never knows its length (no Content-Length): chunks of `chunk` bytes. */
export function multipartStream(
  parts: { name: string; value?: string; file?: { name: string; size: number; type?: string } }[],
  options: { chunk?: number; boundary?: string } = {},
): { contentType: string; body: ReadableStream<Uint8Array>; total: number } {
  const boundary = options.boundary ?? `----painel${Math.random().toString(16).slice(2)}`;
  const chunk = options.chunk ?? 64 * 1024;
  const encoder = new TextEncoder();
  const pieces: (Uint8Array | { size: number })[] = [];
  for (const part of parts) {
    const head = part.file
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.file.name}"\r\nContent-Type: ${part.file.type ?? 'application/octet-stream'}\r\n\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value ?? ''}`;
    pieces.push(encoder.encode(head));
    if (part.file) pieces.push({ size: part.file.size });
    pieces.push(encoder.encode('\r\n'));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const total = pieces.reduce((n, p) => n + (p instanceof Uint8Array ? p.byteLength : p.size), 0);
  const filler = new Uint8Array(chunk).fill(0x61);
  let index = 0;
  let left = -1;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const piece = pieces[index];
      if (!piece) return controller.close();
      if (piece instanceof Uint8Array) {
        index++;
        return controller.enqueue(piece);
      }
      if (left < 0) left = piece.size;
      const n = Math.min(chunk, left);
      left -= n;
      if (left === 0) {
        index++;
        left = -1;
      }
      controller.enqueue(n === chunk ? filler.slice() : filler.slice(0, n));
    },
  });
  return { contentType: `multipart/form-data; boundary=${boundary}`, body, total };
}
