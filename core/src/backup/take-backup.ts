import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Readable, type Transform } from 'node:stream';
import type { Database } from '../db/types.ts';
import { coreVersion } from '../plugins/core-version.ts';
import { dumpPglite } from './dump-pglite.ts';
import { dumpPostgres, type SnapshotFacts } from './dump-postgres.ts';
import { encryptingStream, keyFingerprint } from './encryption.ts';
import { type BackupManifest, writeHashed, writeManifest } from './manifest.ts';

export type BackupSource = { driver: 'postgres'; url: string } | { driver: 'pglite'; db: Database };

/** Reports how far a backup got: 0–100 and a pt-BR line. */
export type ProgressReport = (progress: number, step: string) => Promise<void>;

export interface TakeBackupOptions {
  source: BackupSource;
  dir: string;
  appRole: string;
  encryptionKey?: Buffer | undefined;
  pgBinDir?: string | undefined;
  now: Date;
  onProgress?: ProgressReport | undefined;
}

export interface TakenBackup {
  /** Absolute path of the backup file; its manifest is `<file>.manifest.json`. */
  file: string;
  manifest: BackupManifest;
}

/** `painel-2026-12-02T05-00-00-000Z`: sorts by time, safe in every file system. */
export function backupBaseName(now: Date): string {
  return `painel-${now.toISOString().replaceAll(':', '-').replace('.', '-')}`;
}

/**
 * Takes one backup into `dir`: the file (pg_dump custom format, or PGlite's gzipped data dir),
 * encrypted when a key is given, written under a temporary name and renamed when complete, then its
 * manifest (size, SHA-256, duration, versions, migration heads, row counts of the same snapshot).
 */
export async function takeBackup(options: TakeBackupOptions): Promise<TakenBackup> {
  const started = performance.now();
  const report = options.onProgress ?? (async () => {});
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const kind = options.source.driver === 'postgres' ? 'dump' : 'pglite.tar.gz';
  const name = `${backupBaseName(options.now)}.${kind}${options.encryptionKey ? '.enc' : ''}`;
  const file = join(dir, name);
  const partial = `${file}.partial`;
  const stages = (): Transform[] => (options.encryptionKey ? [encryptingStream(options.encryptionKey)] : []);
  let written: { sizeBytes: number; sha256: string } | undefined;
  let facts: SnapshotFacts;
  try {
    if (options.source.driver === 'postgres') {
      facts = await dumpPostgres(
        options.source.url,
        options.pgBinDir,
        async (stream) => {
          written = await writeHashed(stream, stages(), partial);
        },
        (step) => report(20, step),
      );
    } else {
      await report(20, 'Copiando a pasta de dados do PGlite');
      const { archive, ...rest } = await dumpPglite(options.source.db);
      facts = rest;
      written = await writeHashed(Readable.from(Buffer.from(await archive.arrayBuffer())), stages(), partial);
    }
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  const manifest: BackupManifest = {
    manifestVersion: 1,
    format: options.source.driver === 'postgres' ? 'pg_dump-custom' : 'pglite-datadir',
    file: name,
    createdAt: options.now.toISOString(),
    sizeBytes: written!.sizeBytes,
    sha256: written!.sha256,
    durationMs: Math.round(performance.now() - started),
    appVersion: coreVersion,
    serverVersion: facts.serverVersion,
    appRole: options.appRole,
    encryption: options.encryptionKey ? { algorithm: 'aes-256-gcm', keyFingerprint: keyFingerprint(options.encryptionKey) } : null,
    migrations: facts.migrations,
    tableRows: facts.tableRows,
  };
  await writeManifest(file, manifest);
  await report(60, 'Backup gravado');
  return { file, manifest };
}
