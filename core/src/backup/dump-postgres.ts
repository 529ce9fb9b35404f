import type { Readable } from 'node:stream';
import postgres from 'postgres';
import { findPostgresTools, spawnTool, waitForTool } from './postgres-tools.ts';
import { countTableRows, migrationHeads, type MigrationHead, type RunSql } from './snapshot-facts.ts';

export interface SnapshotFacts {
  serverVersion: string;
  tableRows: Record<string, number>;
  migrations: MigrationHead[];
}

/**
 * pg_dump in custom format of one PostgreSQL database, consistent while the app keeps writing: a
 * repeatable-read transaction exports its snapshot, counts every table's rows and reads the migration
 * heads in it, and pg_dump runs on that same snapshot (`--snapshot`). `consume` receives pg_dump's
 * output stream while the snapshot is held.
 */
export async function dumpPostgres(
  url: string,
  binDir: string | undefined,
  consume: (stream: Readable) => Promise<void>,
  onStep: (step: string) => Promise<void> = async () => {},
): Promise<SnapshotFacts> {
  const client = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'painel-backup' } });
  try {
    const [version] = await client<{ num: string; text: string }[]>`select current_setting('server_version_num') as num, version() as text`;
    const tools = await findPostgresTools(Number(version!.num), binDir);
    return await client.begin('isolation level repeatable read read only', async (tx) => {
      // Every row or an error: a role subject to row-level security must not produce a partial copy.
      await tx`set local row_security = off`;
      const [snapshot] = await tx<{ id: string }[]>`select pg_export_snapshot() as id`;
      const runSql: RunSql = (text) => tx.unsafe(text) as unknown as Promise<Record<string, unknown>[]>;
      await onStep('Contando as linhas de cada tabela');
      const tableRows = await countTableRows(runSql);
      const migrations = await migrationHeads(runSql);
      await onStep('Copiando o banco (pg_dump)');
      const child = spawnTool(tools.pgDump, ['--format=custom', `--snapshot=${snapshot!.id}`, '--no-password'], url);
      const exited = waitForTool(child, 'pg_dump');
      exited.catch(() => undefined);
      await Promise.all([consume(child.stdout as Readable), exited]);
      return { serverVersion: version!.text, tableRows, migrations };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '42501' || /row-level security/i.test(String((error as Error).message))) {
      throw new Error(
        `O usuário do DATABASE_URL não pode ler todas as linhas (segurança por linha): o backup precisa de um superusuário ou de um papel com BYPASSRLS. (${(error as Error).message})`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    await client.end({ timeout: 5 });
  }
}
