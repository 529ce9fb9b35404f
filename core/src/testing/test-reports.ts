/**
 * Machine-readable results of the standing checks (crawl-replay, fuzzing) in `data/test-reports/`
 * (git-ignored), for CI to print. Several test files write into one report from parallel workers, so a
 * merge takes a short lock (an exclusive `mkdir`) around its read-modify-write.
 */
import { mkdirSync, readFileSync, renameSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const testReportsDir = fileURLToPath(new URL('../../../data/test-reports/', import.meta.url));

function withLock<T>(name: string, work: () => T): T {
  const lock = join(testReportsDir, `${name}.lock`);
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than 10 s was left by a killed worker.
      if (Date.now() - started > 10_000) break;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
  try {
    return work();
  } finally {
    try {
      rmdirSync(lock);
    } catch {
      // already gone
    }
  }
}

/** Writes a whole report (`<name>.json`). */
export function writeTestReport(name: string, report: unknown): string {
  mkdirSync(testReportsDir, { recursive: true });
  const file = join(testReportsDir, `${name}.json`);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
  return file;
}

/** Reads a report, or `fallback` when there is none (or it is not JSON). */
export function readTestReport<T>(name: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(join(testReportsDir, `${name}.json`), 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/** Read-modify-write of a report under a lock (several workers add their parts). */
export function updateTestReport<T>(name: string, fallback: T, change: (current: T) => T): void {
  mkdirSync(testReportsDir, { recursive: true });
  withLock(name, () => writeTestReport(name, change(readTestReport(name, fallback))));
}
