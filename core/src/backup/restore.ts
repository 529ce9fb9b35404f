import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { pgliteExtensions } from '../db/open-database.ts';
import { decryptFile, keyFingerprint } from './encryption.ts';
import { assertMatchesManifest, BackupFileError, type BackupManifest, readManifest } from './manifest.ts';
import { findPostgresTools, spawnTool, waitForTool } from './postgres-tools.ts';

export type RestoreTarget = { driver: 'postgres'; url: string } | { driver: 'pglite'; dir: string };

export class RestoreRefusedError extends Error {
  override name = 'RestoreRefusedError';
}

/** A backup file checked against its manifest and, when encrypted, decrypted to a private temporary file. */
export interface OpenedBackup {
  manifest: BackupManifest;
  /** The plain (decrypted) file to restore from. */
  plain: string;
  /** Removes the temporary decrypted copy, if any. */
  cleanup(): Promise<void>;
}

/**
 * Reads the manifest beside `file`, refuses a file whose SHA-256 does not match it (altered or
 * truncated), and decrypts an encrypted one with `key` (refusing a missing or different key).
 */
export async function openBackup(file: string, key: Buffer | undefined): Promise<OpenedBackup> {
  const path = resolve(file);
  const manifest = await readManifest(path);
  await assertMatchesManifest(path, manifest);
  if (!manifest.encryption) return { manifest, plain: path, cleanup: async () => {} };
  if (!key) {
    throw new BackupFileError('Este backup está criptografado: defina BACKUP_ENCRYPTION_KEY com a chave usada para criá-lo.');
  }
  if (keyFingerprint(key) !== manifest.encryption.keyFingerprint) {
    throw new BackupFileError(
      `A chave em BACKUP_ENCRYPTION_KEY não é a deste backup (impressão da chave esperada: ${manifest.encryption.keyFingerprint}).`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'painel-restore-'));
  const plain = join(dir, 'backup');
  try {
    await decryptFile(path, plain, key);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return { manifest, plain, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

function assertFormatFits(manifest: BackupManifest, target: RestoreTarget): void {
  if (manifest.format === 'pg_dump-custom' && target.driver !== 'postgres') {
    throw new RestoreRefusedError('Este backup é de um servidor PostgreSQL: restaure-o com --into postgres://… (um banco vazio).');
  }
  if (manifest.format === 'pglite-datadir' && target.driver !== 'pglite') {
    throw new RestoreRefusedError('Este backup é do PGlite: restaure-o com --into <pasta> (uma pasta vazia ou inexistente).');
  }
}

const systemSchemas = `n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_%'`;

/** Restores a checked, plain backup into an empty target (or, with `replace`, over an existing one). */
export async function restoreInto(
  opened: OpenedBackup,
  target: RestoreTarget,
  options: { replace: boolean; appRole: string; pgBinDir?: string | undefined },
): Promise<void> {
  assertFormatFits(opened.manifest, target);
  if (target.driver === 'postgres') await restorePostgres(opened.plain, target.url, options);
  else await restorePglite(opened.plain, target.dir, options.replace);
}

async function restorePostgres(plain: string, url: string, options: { replace: boolean; appRole: string; pgBinDir?: string | undefined }): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  let pgRestore: string;
  try {
    const [version] = await client<{ num: string }[]>`select current_setting('server_version_num') as num`;
    pgRestore = (await findPostgresTools(Number(version!.num), options.pgBinDir)).pgRestore;
    const schemas = await client.unsafe<{ name: string; tables: number }[]>(
      `select n.nspname as name, count(c.oid)::int as tables from pg_namespace n
         left join pg_class c on c.relnamespace = n.oid and c.relkind in ('r', 'p')
        where ${systemSchemas} group by 1 order by 1`,
    );
    const tables = schemas.reduce((sum, s) => sum + s.tables, 0);
    if (tables > 0 && !options.replace) {
      throw new RestoreRefusedError(
        `O banco de destino não está vazio (${tables} ${tables === 1 ? 'tabela' : 'tabelas'}). ` +
          'Restaure num banco vazio, ou use --replace para apagar o conteúdo atual e substituí-lo pelo backup.',
      );
    }
    if (options.replace && schemas.length > 0) {
      await client.begin(async (tx) => {
        for (const { name } of schemas) await tx.unsafe(`drop schema "${name.replaceAll('"', '""')}" cascade`);
        await tx.unsafe('create schema if not exists public');
      });
    }
    // Roles belong to the server, not to the dump: the app role must exist for the dump's grants.
    const [role] = await client<{ n: number }[]>`select count(*)::int as n from pg_roles where rolname = ${options.appRole}`;
    if ((role?.n ?? 0) === 0) {
      await client.unsafe(`create role "${options.appRole}" nologin nosuperuser nobypassrls nocreatedb nocreaterole`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
  // One transaction: a restore that fails leaves the target as it was before pg_restore.
  const child = spawnTool(pgRestore, ['--no-owner', '--single-transaction', '--exit-on-error', '--no-password', plain], url);
  try {
    await waitForTool(child, 'pg_restore');
  } catch (error) {
    const missingRole = /role "([^"]+)" does not exist/.exec((error as Error).message);
    if (missingRole) {
      throw new RestoreRefusedError(
        `O papel "${missingRole[1]}" não existe neste servidor (papéis são do servidor, não do backup): crie-o e restaure de novo. ${(error as Error).message}`,
      );
    }
    throw error;
  }
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

async function restorePglite(plain: string, dir: string, replace: boolean): Promise<void> {
  const target = resolve(dir);
  if (!(await isEmptyDir(target))) {
    if (!replace) {
      throw new RestoreRefusedError(
        `A pasta ${target} não está vazia. Restaure numa pasta vazia, ou use --replace para apagar o banco atual e substituí-lo pelo backup.`,
      );
    }
    await rm(target, { recursive: true, force: true });
  }
  const archive = new Blob([new Uint8Array(await readFile(plain))]);
  const pg = await PGlite.create(target, { extensions: pgliteExtensions, loadDataDir: archive });
  await pg.query('select 1');
  await pg.close();
}

/** A restored PGlite backup in memory (verification), from a checked plain file. */
export async function pgliteArchive(opened: OpenedBackup): Promise<Blob> {
  if (opened.manifest.format !== 'pglite-datadir') throw new RestoreRefusedError('Este backup não é do PGlite.');
  return new Blob([new Uint8Array(await readFile(opened.plain))]);
}
