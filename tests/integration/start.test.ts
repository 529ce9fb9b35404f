import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { readImage } from '@painel/core/testing';
import { withDatabase } from '../support/templates.ts';
import { postgresServerUrl } from '../support/test-db.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Started {
  proc: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>, port: number): Started {
  let out = '';
  // node --import tsx (rather than the tsx CLI) so signals reach the app itself.
  const proc = spawn(process.execPath, ['--import', 'tsx', 'core/src/main.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1', ...env },
  });
  proc.stdout?.on('data', (d) => (out += d));
  proc.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, port, output: () => out, exited };
}

async function waitHealthy(s: Started, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(`http://127.0.0.1:${s.port}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    if (s.proc.exitCode !== null) throw new Error(`server exited: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server not healthy in time: ${s.output()}`);
}

/** Output written just before listening may reach us after the first /healthz answer. */
async function waitOutput(s: Started, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!pattern.test(s.output())) {
    if (Date.now() > until) throw new Error(`no ${pattern} in: ${s.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function login(port: number): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'email=plataforma%40demo.test&password=demo1234',
  });
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves on PGlite, keeps data across a restart and shuts down cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'painel-start-'));
    dirs.push(dataDir);
    const port = await freePort();
    // `npm install` prepares the migrated image a first start copies (npm run db:image).
    const fromImage = (await readImage()) !== null;
    const first = start({ DATA_DIR: dataDir }, port);
    await waitHealthy(first);
    await waitOutput(first, /^Pronto em /m);
    expect(first.output()).toContain('Dados de demonstração criados');
    const firstLines = first.output().split('\n');
    expect(firstLines, 'pt-BR progress lines, in order').toEqual(
      expect.arrayContaining([
        'Carregando módulos (@painel/tenants, @painel/content, @painel/support, @painel/migration)…',
        `Abrindo o banco de dados (PGlite em ${join(dataDir, 'pglite')})${fromImage ? ', a partir do banco vazio preparado na instalação' : ''}…`,
        'Aplicando migrações (core, tenants, support-access, content, support, migration)…',
        'Criando dados de demonstração…',
        '  core: administradora da plataforma, equipe de migração',
        expect.stringMatching(/^ {2}tenants: Singular Demo e Singular Vizinha, 5 bases clínicas/),
        expect.stringMatching(/^ {2}content: trilha padrão publicada/),
        'Iniciando plugins (support, migration)…',
        expect.stringMatching(new RegExp(`^Pronto em \\d+,\\d s \\(.*banco \\d+,\\d s.*demonstração \\d+,\\d s.*\\): Painel Singular em http://localhost:${port}$`)),
      ]),
    );
    const order = ['Abrindo o banco', 'Aplicando migrações', 'Criando dados de demonstração…', 'Iniciando plugins', 'Pronto em'].map((p) =>
      firstLines.findIndex((l) => l.startsWith(p)),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    const res = await login(port);
    expect(res.status).toBe(303);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = start({ DATA_DIR: dataDir }, port);
    await waitHealthy(second);
    await waitOutput(second, /^Pronto em /m);
    expect(second.output()).not.toContain('Dados de demonstração criados');
    expect(second.output()).not.toContain('Criando dados de demonstração');
    expect(second.output()).toMatch(/^Aplicando migrações \(core, .*\)…$/m);
    expect(second.output()).toMatch(/^Pronto em \d+,\d s \(.*\): Painel Singular em http/m);
    const home = await fetch(`http://127.0.0.1:${port}/`, { headers: { cookie }, redirect: 'manual' });
    expect(home.status, 'the session written before the restart is still there').toBe(200);
    second.proc.kill('SIGINT');
    expect(await second.exited).toBe(0);
  }, 300_000);

  it('stops with a one-line message on a bad setting', async () => {
    const s = start({ PORT: 'abc' }, 0);
    expect(await s.exited).toBe(1);
    const text = s.output().trim();
    expect(text).toMatch(/^Configuração inválida: PORT/m);
    expect(text).not.toMatch(/\n\s+at /);
  }, 60_000);

  it.runIf(!!postgresServerUrl())('serves on a real PostgreSQL given DATABASE_URL', async () => {
    const server = postgresServerUrl();
    const name = `painel_start_${process.pid}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
    try {
      const port = await freePort();
      const s = start({ DATABASE_URL: withDatabase(server, name) }, port);
      await waitHealthy(s);
      expect((await login(port)).status).toBe(303);
      s.proc.kill('SIGTERM');
      expect(await s.exited).toBe(0);

      // A request role that could bypass row-level security is refused.
      await admin.unsafe('do $$ begin if not exists (select from pg_roles where rolname = \'painel_bypass\') then create role painel_bypass nologin bypassrls; end if; end $$');
      const unsafe = start({ DATABASE_URL: withDatabase(server, name), APP_DB_ROLE: 'painel_bypass' }, await freePort());
      expect(await unsafe.exited).toBe(1);
      expect(unsafe.output()).toContain('BYPASSRLS');
    } finally {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }, 300_000);
});
