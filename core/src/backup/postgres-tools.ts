import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export class PostgresToolsError extends Error {
  override name = 'PostgresToolsError';
}

export interface PostgresTools {
  pgDump: string;
  pgRestore: string;
  /** Major version of the tools (same as or newer than the server's). */
  major: number;
}

/** The folder Debian's postgresql-client-<major> installs into. */
export function defaultBinDir(serverMajor: number): string {
  return `/usr/lib/postgresql/${serverMajor}/bin`;
}

async function toolMajor(path: string): Promise<number> {
  const { stdout } = await run(path, ['--version']);
  const match = /\(PostgreSQL\)\s+(\d+)/.exec(stdout);
  if (!match) throw new PostgresToolsError(`Não foi possível ler a versão de ${path} ("${stdout.trim()}").`);
  return Number(match[1]);
}

/**
 * pg_dump and pg_restore for a server of `serverVersionNum` (`server_version_num`, e.g. 150004): from
 * `binDir` when given, else /usr/lib/postgresql/<major>/bin. A missing binary or one older than the
 * server is refused in pt-BR, naming it.
 */
export async function findPostgresTools(serverVersionNum: number, binDir?: string): Promise<PostgresTools> {
  const serverMajor = Math.floor(serverVersionNum / 10000);
  const dir = binDir ?? defaultBinDir(serverMajor);
  const tools: Partial<PostgresTools> = {};
  let major = Number.POSITIVE_INFINITY;
  for (const name of ['pg_dump', 'pg_restore'] as const) {
    const path = join(dir, name);
    try {
      await access(path, constants.X_OK);
    } catch {
      throw new PostgresToolsError(
        `${name} não encontrado em ${dir}: o servidor é PostgreSQL ${serverMajor} e o backup precisa do ${name} dessa versão ` +
          `(instale o pacote postgresql-client-${serverMajor} ou indique a pasta em BACKUP_PG_BIN_DIR).`,
      );
    }
    const version = await toolMajor(path);
    if (version < serverMajor) {
      throw new PostgresToolsError(
        `${path} é da versão ${version}, mais antiga que o servidor (PostgreSQL ${serverMajor}): ` +
          `use o ${name} ${serverMajor} (pacote postgresql-client-${serverMajor} ou BACKUP_PG_BIN_DIR).`,
      );
    }
    major = Math.min(major, version);
    tools[name === 'pg_dump' ? 'pgDump' : 'pgRestore'] = path;
  }
  return { pgDump: tools.pgDump!, pgRestore: tools.pgRestore!, major };
}

/** A connection URL split into what libpq reads: the URL without its password, and the password apart. */
export function libpqConnection(url: string): { dbname: string; env: Record<string, string> } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Starts a PostgreSQL client tool; the password travels in the environment, not on the command line. */
export function spawnTool(path: string, args: string[], url: string): ChildProcess {
  const { dbname, env } = libpqConnection(url);
  return spawn(path, [...args, `--dbname=${dbname}`], {
    env: { ...process.env, ...env, PGAPPNAME: 'painel-backup' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a tool to exit; a failure carries its stderr (last lines), in a pt-BR sentence. */
export function waitForTool(child: ChildProcess, what: string): Promise<string> {
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  return new Promise((resolve, reject) => {
    child.once('error', (error) => reject(new PostgresToolsError(`${what} não pôde ser executado: ${error.message}`)));
    child.once('close', (code) => {
      if (code === 0) resolve(stderr);
      else reject(new PostgresToolsError(`${what} falhou (código ${code}): ${explain(stderr)}`));
    });
  });
}

function explain(stderr: string): string {
  const text = stderr.trim().split('\n').slice(-6).join(' | ');
  if (/row-level security|row security/i.test(stderr)) {
    return `${text} — o usuário do banco precisa ser superusuário ou ter BYPASSRLS para copiar tabelas com segurança por linha.`;
  }
  if (/server version mismatch/i.test(stderr)) return `${text} — a versão do pg_dump não corresponde à do servidor.`;
  return text || 'sem mensagem';
}
