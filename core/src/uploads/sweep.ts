import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

export interface SweepResult {
  removed: number;
  bytes: number;
}

/**
 * Deletes the `*.part` files of `dir` last modified more than `olderThanMs` before `now`. A file still
 * being written is touched by every chunk, so only abandoned ones are old. A missing folder is empty.
 */
export async function sweepTempUploads(dir: string, options: { olderThanMs: number; now: Date }): Promise<SweepResult> {
  const result: SweepResult = { removed: 0, bytes: 0 };
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return result;
    throw error;
  }
  const cutoff = options.now.getTime() - options.olderThanMs;
  for (const name of names) {
    if (!name.endsWith('.part')) continue;
    const path = join(dir, name);
    try {
      const info = await stat(path);
      if (!info.isFile() || info.mtimeMs >= cutoff) continue;
      await unlink(path);
      result.removed++;
      result.bytes += info.size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return result;
}
