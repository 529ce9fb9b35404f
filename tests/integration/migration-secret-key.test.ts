/**
 * The migration plugin's AES-GCM key: the real app started in production without
 * MIGRATION_SECRET_KEY stops before listening, with one pt-BR line naming the variable.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

function run(env: Record<string, string | undefined>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    let output = '';
    const { MIGRATION_SECRET_KEY: _drop, ...inherited } = process.env;
    const proc = spawn(process.execPath, ['--import', 'tsx', 'core/src/main.ts'], {
      cwd: root,
      env: { ...inherited, LOG_LEVEL: 'warn', HOST: '127.0.0.1', ...env },
    });
    proc.stdout?.on('data', (d) => (output += d));
    proc.stderr?.on('data', (d) => (output += d));
    const timer = setTimeout(() => proc.kill('SIGTERM'), 90_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('MIGRATION_SECRET_KEY', () => {
  it('is required in production: the start stops with a line naming it', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'painel-mig-key-'));
    try {
      const { code, output } = await run({ PORT: String(await freePort()), NODE_ENV: 'production', DATA_DIR: dataDir, PUBLIC_ORIGIN: 'https://painel.exemplo.com.br' });
      expect(code).not.toBe(0);
      expect(output).toContain('O plugin "@painel/migration" não pôde ser carregado: MIGRATION_SECRET_KEY é obrigatória em produção');
      expect(output).not.toMatch(/Pronto em/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
