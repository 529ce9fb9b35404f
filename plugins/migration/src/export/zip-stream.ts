/**
 * A zip archive as a stream (yazl): each entry's bytes are read only when its turn comes, so a package
 * of any size is sent with a few buffers in memory. Entries are deflated; ZIP64 is used when needed.
 */
import type { Readable } from 'node:stream';
import { ZipFile } from 'yazl';

export type ZipEntry = { name: string; open: () => Promise<Readable> } | { name: string; bytes: Uint8Array };

export function zipStream(entries: readonly ZipEntry[], mtime: Date): Readable {
  const zip = new ZipFile();
  for (const entry of entries) {
    if ('bytes' in entry) {
      zip.addBuffer(Buffer.from(entry.bytes), entry.name, { mtime, compress: true });
    } else {
      zip.addReadStreamLazy(entry.name, { mtime, compress: true }, (cb) => {
        entry.open().then(
          (stream) => cb(null, stream),
          (error: unknown) => cb(error instanceof Error ? error : new Error(String(error)), null as never),
        );
      });
    }
  }
  zip.end();
  return zip.outputStream as Readable;
}
