import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** Largest file `bytes()` reads into memory; larger ones are read with `stream()`. */
const maxInMemoryBytes = 16 * 1024 * 1024;

/**
 * One file of a streamed upload, already on disk in the temp area. It is deleted when the request ends
 * unless a file store keeps it (`store.keep(file)`).
 */
export class ReceivedFile {
  /** @internal */ kept = false;

  constructor(
    /** The form field it came in. */
    readonly field: string,
    /** The sender's file name, sanitised (metadata only: the file on disk is named by `tempId`). */
    readonly name: string,
    /** The MIME type the browser declared (not verified: sniff the bytes when it matters). */
    readonly type: string,
    readonly size: number,
    /** SHA-256 of the bytes, lowercase hex, computed while they arrived. */
    readonly sha256: string,
    /** Random id of the temp file. */
    readonly tempId: string,
    /** @internal */ readonly path: string,
  ) {}

  /** The bytes as a stream (any size). */
  stream(): Readable {
    this.#assertHere();
    return createReadStream(this.path);
  }

  /** The whole file in memory: only for small files (up to 16 MiB; use `stream()` above that). */
  async bytes(): Promise<Uint8Array> {
    this.#assertHere();
    if (this.size > maxInMemoryBytes) throw new RangeError(`file of ${this.size} bytes is too large for bytes(); use stream()`);
    return new Uint8Array(await readFile(this.path));
  }

  /** The bytes as UTF-8 text (small files only, as `bytes()`). */
  async text(): Promise<string> {
    return new TextDecoder().decode(await this.bytes());
  }

  #assertHere(): void {
    if (this.kept) throw new Error('the file was moved to a file store: read it from there');
  }
}
