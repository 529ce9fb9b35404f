import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './app-process.ts';

const bin = '/usr/lib/postgresql/15/bin';

/** A disposable PostgreSQL 15 cluster of its own, whose server a test can stop and start again. */
export interface RestartableCluster {
  url: string;
  /** `pg_ctl stop -m fast`: every connection is told 57P01 (admin shutdown) and closed. */
  stopServer(): void;
  startServer(): void;
  destroy(): void;
}

export function postgresBinariesInstalled(): boolean {
  return existsSync(join(bin, 'initdb'));
}

/** Starts the cluster (as the `postgres` OS user when running as root). */
export async function startRestartableCluster(): Promise<RestartableCluster> {
  const root = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    root ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe' }) : execFileSync(join(bin, cmd), args, { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'painel-pg-restart-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const startServer = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-o', options, 'start']);
  const stopServer = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  startServer();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stopServer,
    startServer,
    destroy() {
      try {
        stopServer();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
