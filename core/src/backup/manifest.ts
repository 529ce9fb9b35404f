import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MigrationHead } from './snapshot-facts.ts';

export type BackupFormat = 'pg_dump-custom' | 'pglite-datadir';

/** What `<file>.manifest.json` says about one backup file. */
export interface BackupManifest {
  manifestVersion: 1;
  format: BackupFormat;
  file: string;
  createdAt: string;
  sizeBytes: number;
  sha256: string;
  durationMs: number;
  appVersion: string;
  /** Server version the dump came from (PostgreSQL), or PGlite's package version. */
  serverVersion: string;
  appRole: string;
  encryption: { algorithm: 'aes-256-gcm'; keyFingerprint: string } | null;
  /** Applied migrations per set (core, modules, plugins), read in the backup's snapshot. */
  migrations: MigrationHead[];
  /** Rows per table ("schema.table"), counted in the backup's snapshot. */
  tableRows: Record<string, number>;
}

export class BackupFileError extends Error {
  override name = 'BackupFileError';
}

export function manifestPath(file: string): string {
  return `${file}.manifest.json`;
}

export async function writeManifest(file: string, manifest: BackupManifest): Promise<void> {
  await writeFile(manifestPath(file), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
}

export async function readManifest(file: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(manifestPath(file), 'utf8');
  } catch {
    throw new BackupFileError(`Manifesto não encontrado: ${manifestPath(file)}. Sem ele não é possível conferir o backup.`);
  }
  try {
    const parsed = JSON.parse(text) as BackupManifest;
    if (parsed.manifestVersion !== 1 || typeof parsed.sha256 !== 'string') throw new Error('shape');
    return parsed;
  } catch {
    throw new BackupFileError(`O manifesto ${manifestPath(file)} não é um manifesto de backup válido.`);
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Refuses a file whose SHA-256 or size differs from its manifest (altered or truncated). */
export async function assertMatchesManifest(file: string, manifest: BackupManifest): Promise<void> {
  const actual = await sha256OfFile(file);
  if (actual !== manifest.sha256) {
    throw new BackupFileError(
      `O arquivo ${file} não confere com o manifesto (SHA-256 ${actual.slice(0, 16)}…, esperado ${manifest.sha256.slice(0, 16)}…): ` +
        'foi alterado ou está corrompido. Nada foi restaurado.',
    );
  }
}

/** Streams `source` through `stages` into `target`, returning the written file's size and SHA-256. */
export async function writeHashed(source: Readable, stages: Transform[], target: string): Promise<{ sizeBytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline([source, ...stages, tap, createWriteStream(target, { mode: 0o600 })]);
  return { sizeBytes, sha256: hash.digest('hex') };
}
