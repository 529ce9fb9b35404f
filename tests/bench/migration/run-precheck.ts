/**
 * `npm run bench:migration` (issue 14, P4): pre-validation of a large patients export against csv-parse
 * parsing the same file and doing nothing else, side by side in one run. The file is generated (Windows-1252,
 * `;`, CRLF, legacy headers, quoted multi-line notes, a known number of defects), then each side runs in its
 * own child process — csv-parse in a bare script, the pre-validation as the real `migration:check --json`
 * command — alternating, BENCH_PRECHECK_RUNS times; each reports its wall time and peak RSS.
 * Target: pre-validation throughput ≥ 0.5× csv-parse's, peak RSS ≤ 256 MB. Results in bench-results/.
 *
 * Knobs: BENCH_PRECHECK_ROWS (default 1000000), BENCH_PRECHECK_RUNS (default 2).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prevalidation } from '@painel/migration';

const rows = Number(process.env.BENCH_PRECHECK_ROWS ?? 1_000_000);
const runs = Number(process.env.BENCH_PRECHECK_RUNS ?? 2);
const root = join(import.meta.dirname, '..', '..', '..');
const peakRss = join(import.meta.dirname, 'peak-rss.mjs');
const baselineChild = join(import.meta.dirname, 'csv-parse-child.ts');
const cli = join(root, 'plugins', 'migration', 'src', 'cli', 'migration-check.ts');

/** Runs one side in its own process (wall time, startup included on both sides) and reads its peak RSS. */
function measureChild(mode: 'baseline' | 'check', file: string): Pass {
  const args = mode === 'baseline' ? [baselineChild, file] : [cli, '--json', `pacientes=${file}`];
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', peakRss, ...args], { encoding: 'utf8', maxBuffer: 64 << 20, cwd: root });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${mode} terminou com ${run.status}: ${run.stderr}`);
  const maxRssMb = Number(/PEAK_RSS_MB=(\d+)/.exec(run.stderr)?.[1]);
  const out = JSON.parse(run.stdout) as { rows?: number; files?: Array<{ rows: number; valid: number }> };
  const report = out.files?.[0];
  return { mode, ms, rows: report?.rows ?? out.rows ?? 0, valid: report?.valid ?? null, maxRssMb };
}

interface Pass {
  mode: 'baseline' | 'check';
  ms: number;
  rows: number;
  valid: number | null;
  maxRssMb: number;
}

const fmt = (n: number) => new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 2 }).format(n);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-precheck-'));
  try {
    const file = join(dir, 'pacientes.csv');
    const defects = { cpf_invalido: 500, data_invalida: 400, sexo_invalido: 300, email_invalido: 300, telefone_invalido: 300, duplicado: 200, campo_obrigatorio_ausente: 100, valor_invalido: 100 };
    const table = prevalidation.generator.patients({ rows, defects, blankCpf: Math.floor(rows / 50) });
    console.log(`Gerando ${fmt(rows)} pacientes (Windows-1252, ;)…`);
    const t0 = performance.now();
    await prevalidation.generator.writeCsv(file, table, { encoding: 'windows-1252', delimiter: ';' });
    const sizeMb = statSync(file).size / 1024 / 1024;
    console.log(`Arquivo de ${fmt(sizeMb)} MB em ${fmt((performance.now() - t0) / 1000)} s. Medindo (${runs} rodadas alternadas)…`);
    const passes: Pass[] = [];
    for (let i = 0; i < runs; i++) {
      for (const mode of ['baseline', 'check'] as const) {
        const pass = measureChild(mode, file);
        passes.push(pass);
        console.log(`  ${mode === 'baseline' ? 'csv-parse   ' : 'pré-validação'}: ${fmt(pass.ms / 1000)} s, ${fmt(pass.rows / (pass.ms / 1000))} linhas/s, pico RSS ${pass.maxRssMb} MB`);
      }
    }
    const best = (mode: Pass['mode']) => passes.filter((p) => p.mode === mode).sort((a, b) => a.ms - b.ms)[0]!;
    const baseline = best('baseline');
    const check = best('check');
    const ratio = Math.round((baseline.ms / check.ms) * 100) / 100;
    const peak = Math.max(...passes.filter((p) => p.mode === 'check').map((p) => p.maxRssMb));
    const expected = table.expected;
    console.log(`\nVazão da pré-validação: ${ratio}× a do csv-parse (meta ≥ 0,5×); pico RSS ${peak} MB (meta ≤ 256 MB).`);
    console.log(`Relatório: ${fmt(check.rows)} linhas, ${fmt(check.valid ?? 0)} válidas (esperado ${fmt(expected.valid)}).`);
    const results = join(process.cwd(), 'bench-results');
    mkdirSync(results, { recursive: true });
    const target = join(results, `migration-precheck-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(
      target,
      `${JSON.stringify({ when: new Date().toISOString(), knobs: { rows, runs }, fileMb: Math.round(sizeMb * 10) / 10, passes, ratio, peakRssMb: peak, targets: { ratio: 0.5, peakRssMb: 256 }, expectedValid: expected.valid }, null, 2)}\n`,
    );
    console.log(`Resultados gravados em ${target}`);
    if (check.rows !== rows || check.valid !== expected.valid) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error('O benchmark falhou:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
