import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * PGlite belongs to one process: the process that opens a PGlite data directory writes
 * `<dir>.lock` (its pid) beside it and removes it on close, so a command-line tool can tell that the
 * app is using the directory instead of opening it a second time and corrupting it. A lock left by a
 * process that no longer runs (a crash) is stale and ignored.
 */
export interface PgliteLockHolder {
  pid: number;
  host: string;
  since: string;
}

export function pgliteLockPath(dir: string): string {
  return `${dir.replace(/\/+$/, '')}.lock`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live process (other than this one) holding `dir`, or null. */
export function pgliteLockHolder(dir: string): PgliteLockHolder | null {
  let holder: PgliteLockHolder;
  try {
    holder = JSON.parse(readFileSync(pgliteLockPath(dir), 'utf8')) as PgliteLockHolder;
  } catch {
    return null;
  }
  if (!Number.isSafeInteger(holder.pid) || holder.pid === process.pid) return null;
  if (holder.host !== hostname()) return holder;
  return alive(holder.pid) ? holder : null;
}

/** Marks `dir` as used by this process; returns the release. */
export function lockPgliteDir(dir: string): () => void {
  const path = pgliteLockPath(dir);
  const mine: PgliteLockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeFileSync(path, JSON.stringify(mine));
  return () => {
    try {
      const current = JSON.parse(readFileSync(path, 'utf8')) as PgliteLockHolder;
      if (current.pid === process.pid) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}
