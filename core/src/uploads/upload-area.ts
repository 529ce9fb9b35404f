import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { newFileId } from './file-id.ts';
import { FileStore } from './file-store.ts';
import { type SweepResult, sweepTempUploads } from './sweep.ts';

/** Temp files older than this are abandoned (a request that died before its handler finished). */
export const abandonedAfterMs = 60 * 60_000;

/**
 * Where uploads live under DATA_DIR: `uploads-tmp/` for files being received (named `<id>.part`) and
 * `files/<namespace>/` for the files a package keeps. Both on the same file system, so keeping a file
 * is a rename.
 */
export class UploadArea {
  readonly tempDir: string;
  readonly filesDir: string;
  readonly #stores = new Map<string, FileStore>();

  constructor(dataDir: string) {
    this.tempDir = resolve(dataDir, 'uploads-tmp');
    this.filesDir = resolve(dataDir, 'files');
  }

  /** A new temp file's id and path (the folder exists when this resolves). */
  async newTempFile(): Promise<{ id: string; path: string }> {
    await mkdir(this.tempDir, { recursive: true });
    const id = newFileId();
    return { id, path: this.tempPath(id) };
  }

  tempPath(id: string): string {
    return join(this.tempDir, `${id}.part`);
  }

  /** The file store of one package (`content`, a plugin id). */
  store(namespace: string): FileStore {
    let store = this.#stores.get(namespace);
    if (!store) {
      store = new FileStore(this, namespace);
      this.#stores.set(namespace, store);
    }
    return store;
  }

  /** Removes temp files untouched for `olderThanMs` (default 1 h): uploads whose request died. */
  sweep(options: { olderThanMs?: number; now?: Date } = {}): Promise<SweepResult> {
    return sweepTempUploads(this.tempDir, { olderThanMs: options.olderThanMs ?? abandonedAfterMs, now: options.now ?? new Date() });
  }
}
