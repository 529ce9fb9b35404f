import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { isFileId, isNamespace, newFileId } from './file-id.ts';
import { ReceivedFile } from './received-file.ts';
import type { UploadArea } from './upload-area.ts';
import { type HashedFile, writeHashed } from './write-hashed.ts';

/** A file kept in a store: its id, and what was known when it was kept (record it in your own table). */
export interface KeptFile extends HashedFile {
  id: string;
  /** The sender's sanitised file name ('' for files written with `put`). */
  name: string;
  /** The declared MIME type ('' for files written with `put`). */
  type: string;
}

/** What the file system says about a kept file. */
export interface StoredFileInfo {
  id: string;
  size: number;
  /** When it was written (retention: delete what is older than your rule). */
  storedAt: Date;
}

/** No file with that id in this store (or not an id at all). */
export class StoredFileNotFound extends Error {
  constructor(namespace: string, id: string) {
    super(`no file ${JSON.stringify(id.slice(0, 40))} in the ${namespace} store`);
    this.name = 'StoredFileNotFound';
  }
}

const missing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** A package's own files (`ctx.files` in a plugin, `services.uploads.store(id)` in a module). */
export interface Files {
  /** The package id the files belong to (their folder is `DATA_DIR/files/<namespace>/`). */
  readonly namespace: string;
  keep(file: ReceivedFile): Promise<KeptFile>;
  put(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> | NodeJS.ReadableStream, options?: { maxBytes?: number }): Promise<KeptFile>;
  read(id: string): Promise<Readable>;
  stat(id: string): Promise<StoredFileInfo | null>;
  delete(id: string): Promise<boolean>;
  list(): Promise<StoredFileInfo[]>;
}

/**
 * The files one package keeps, under `DATA_DIR/files/<namespace>/`. Files are named only by random ids
 * this store makes: every method refuses anything else, so no input can reach a path outside the
 * folder. Keep what the file is about (name, owner, tenant) in your own table, keyed by the id.
 */
export class FileStore implements Files {
  readonly #dir: string;

  constructor(
    private readonly area: UploadArea,
    readonly namespace: string,
  ) {
    if (!isNamespace(namespace)) throw new Error(`invalid file store namespace ${JSON.stringify(namespace)}`);
    this.#dir = join(area.filesDir, namespace);
  }

  /** Moves a received upload into the store (a rename: no copy). The upload's temp file is gone after this. */
  async keep(file: ReceivedFile): Promise<KeptFile> {
    if (!(file instanceof ReceivedFile) || !isFileId(file.tempId)) throw new TypeError('keep() takes a file of receiveUpload()');
    if (file.kept) throw new Error('this upload was already kept');
    await mkdir(this.#dir, { recursive: true });
    const id = newFileId();
    await rename(this.area.tempPath(file.tempId), this.#path(id));
    file.kept = true;
    return { id, size: file.size, sha256: file.sha256, name: file.name, type: file.type };
  }

  /** Writes a stream (an export, a converted file) into the store, hashing it on the way. */
  async put(source: Iterable<Uint8Array> | AsyncIterable<Uint8Array> | NodeJS.ReadableStream, options: { maxBytes?: number } = {}): Promise<KeptFile> {
    const temp = await this.area.newTempFile();
    const hashed = await writeHashed(source, temp.path, options.maxBytes);
    await mkdir(this.#dir, { recursive: true });
    const id = newFileId();
    try {
      await rename(temp.path, this.#path(id));
    } catch (error) {
      await unlink(temp.path).catch(() => {});
      throw error;
    }
    return { id, ...hashed, name: '', type: '' };
  }

  /** The file's bytes as a stream; StoredFileNotFound when there is no such file. */
  async read(id: string): Promise<Readable> {
    const info = await this.stat(id);
    if (!info) throw new StoredFileNotFound(this.namespace, String(id));
    return createReadStream(this.#path(id));
  }

  /** Size and date of a kept file, or null. */
  async stat(id: string): Promise<StoredFileInfo | null> {
    if (!isFileId(id)) return null;
    try {
      const info = await stat(this.#path(id));
      return info.isFile() ? { id, size: info.size, storedAt: info.mtime } : null;
    } catch (error) {
      if (missing(error)) return null;
      throw error;
    }
  }

  /** Deletes a kept file; false when there was none. */
  async delete(id: string): Promise<boolean> {
    if (!isFileId(id)) return false;
    try {
      await unlink(this.#path(id));
      return true;
    } catch (error) {
      if (missing(error)) return false;
      throw error;
    }
  }

  /** Every kept file (for retention sweeps and usage figures). */
  async list(): Promise<StoredFileInfo[]> {
    let names: string[];
    try {
      names = await readdir(this.#dir);
    } catch (error) {
      if (missing(error)) return [];
      throw error;
    }
    const infos = await Promise.all(names.filter(isFileId).map((id) => this.stat(id)));
    return infos.filter((i): i is StoredFileInfo => i !== null);
  }

  #path(id: string): string {
    return join(this.#dir, id);
  }
}
