/**
 * `npm run bench:start`: cold start and restart of the app on PGlite (issue 10, P6). Starts
 * `core/src/main.ts` on an empty DATA_DIR (migrations and demo data included), times it to the first
 * 200 of GET /healthz, stops it (SIGTERM), then starts it again on the same DATA_DIR and times that.
 * BENCH_START_RUNS (default 2) repetitions; results on the console and in bench-results/start-<time>.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppProcess, freePort, startAppProcess } from '../../support/app-process.ts';

const runs = Number(process.env.BENCH_START_RUNS ?? 2);
const root = join(import.meta.dirname, '../../..');

async function firstOk(app: AppProcess, started: number): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(`${app.base}/healthz`);
      if (res.status === 200) return performance.now() - started;
    } catch {
      // not listening yet
    }
    if (app.proc.exitCode !== null) throw new Error(`server exited: ${app.output()}`);
    if (performance.now() - started > 120_000) throw new Error(`no 200 in 120 s: ${app.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Time to the first 200, and the app's own "Pronto em … (banco … · módulos … · …)" line. */
async function timeStart(dataDir: string): Promise<{ ms: number; steps: string }> {
  const started = performance.now();
  const app = startAppProcess({ DATA_DIR: dataDir }, await freePort());
  try {
    const ms = Math.round(await firstOk(app, started));
    return { ms, steps: /Pronto em[^\n]*/.exec(app.output())?.[0] ?? '' };
  } finally {
    app.proc.kill('SIGTERM');
    await app.exited;
  }
}

async function main(): Promise<void> {
  delete process.env.DATABASE_URL; // PGlite under DATA_DIR
  const results: Array<{ cold: { ms: number; steps: string }; restart: { ms: number; steps: string } }> = [];
  for (let i = 0; i < runs; i += 1) {
    const dataDir = mkdtempSync(join(tmpdir(), 'painel-start-'));
    try {
      const cold = await timeStart(dataDir);
      const restart = await timeStart(dataDir);
      results.push({ cold, restart });
      console.log(`execução ${i + 1}: primeira partida ${(cold.ms / 1000).toFixed(1)} s — ${cold.steps}`);
      console.log(`             reinício ${(restart.ms / 1000).toFixed(1)} s — ${restart.steps}`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const dir = join(root, 'bench-results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `start-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify({ when: new Date().toISOString(), runs: results }, null, 2)}\n`);
  console.log(`Resultados gravados em ${file}`);
}

main().catch((error: unknown) => {
  console.error('O benchmark falhou:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
