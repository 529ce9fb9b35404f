import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';

/** A file passed its byte limit while it was being written (the partial file is already deleted). */
export class FileTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`file larger than ${limit} bytes`);
    this.name = 'FileTooLargeError';
  }
}

export interface HashedFile {
  size: number;
  /** SHA-256 of the bytes, lowercase hex. */
  sha256: string;
}

/**
 * Streams `source` into a new file at `path` (never an existing one), counting and hashing each chunk
 * on the way: memory holds one chunk at a time. On any failure (the limit, a source error, a full
 * disk) the partial file is deleted and the error rethrown.
 */
export async function writeHashed(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> | NodeJS.ReadableStream, path: string, maxBytes = Infinity): Promise<HashedFile> {
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      source as AsyncIterable<Uint8Array>,
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          size += chunk.byteLength;
          if (size > maxBytes) throw new FileTooLargeError(maxBytes);
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(path, { flags: 'wx' }),
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await unlink(path).catch(() => {});
    throw error;
  }
  return { size, sha256: hash.digest('hex') };
}
