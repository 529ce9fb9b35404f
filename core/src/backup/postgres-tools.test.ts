import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findPostgresTools, libpqConnection } from './postgres-tools.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A folder whose pg_dump and pg_restore report `major` as their version. */
function toolsOfVersion(major: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'painel-pgtools-'));
  dirs.push(dir);
  for (const name of ['pg_dump', 'pg_restore']) {
    writeFileSync(join(dir, name), `#!/bin/sh\necho "${name} (PostgreSQL) ${major}.3"\n`);
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

describe('PostgreSQL client binaries for backups', () => {
  it('names the missing binary, the server version and the package to install', async () => {
    await expect(findPostgresTools(990004)).rejects.toThrow(
      'pg_dump não encontrado em /usr/lib/postgresql/99/bin: o servidor é PostgreSQL 99 e o backup precisa do pg_dump dessa versão (instale o pacote postgresql-client-99 ou indique a pasta em BACKUP_PG_BIN_DIR).',
    );
  });

  it('refuses binaries older than the server, and takes the same or a newer major', async () => {
    await expect(findPostgresTools(160002, toolsOfVersion(15))).rejects.toThrow(/pg_dump é da versão 15, mais antiga que o servidor \(PostgreSQL 16\)/);
    const same = toolsOfVersion(16);
    expect(await findPostgresTools(160002, same)).toEqual({ pgDump: join(same, 'pg_dump'), pgRestore: join(same, 'pg_restore'), major: 16 });
    expect((await findPostgresTools(150004, toolsOfVersion(17))).major).toBe(17);
  });

  it('passes the password in the environment, not on the command line', () => {
    expect(libpqConnection('postgres://painel:s%40gredo@db:5432/painel?sslmode=require')).toEqual({
      dbname: 'postgres://painel@db:5432/painel?sslmode=require',
      env: { PGPASSWORD: 's@gredo' },
    });
  });
});
