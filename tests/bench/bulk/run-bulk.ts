/**
 * `npm run bench:bulk` (also part of `npm run bench`): how fast a plugin's `ctx.copyInto` loads rows,
 * and how much the process's memory grows while it does, next to what the database's own tools do
 * with the same rows in the same table.
 *
 * For each driver: a fresh database with core, the built-in modules and the fixture plugin (its
 * `staged_rows` table under forced row-level security), then BENCH_ROWS rows generated lazily (an
 * async generator: nothing is gathered) loaded with `ctx.copyInto` in the scope of one clinic.
 * Baselines, measured in the same run on the same rows written to a file in COPY text format:
 * - PostgreSQL: `psql \copy` into the table (as the superuser `postgres`, so without RLS), and
 *   `psql` doing what copyInto does (a temporary staging table, `\copy` into it, `insert … select`);
 * - PGlite: `COPY … FROM '/dev/blob'` of the whole file as the owner (no RLS; the blob in memory), and
 *   the alternative design copyInto does not use there (COPY from a blob per batch into a staging
 *   table, then insert … select under RLS).
 * Results: rows/s, seconds, RSS and heap growth (peak during the load minus before), printed and
 * written to bench-results/bulk-load-<time>.json. No thresholds.
 *
 * Knobs: BENCH_ROWS (1000000), BENCH_DRIVERS (pglite,postgres), BENCH_DATABASE_URL (postgres://… of a
 * server; else a throwaway cluster). PGlite runs on a data directory in a temporary folder (not in
 * memory), so the stored rows are not counted as the process's memory.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import {
  builtinModules,
  createApp,
  createLogger,
  createServices,
  type Database,
  loadConfig,
  loadModules,
  openDatabase,
  prepareDatabase,
  schema,
  seedDemoIfEmpty,
  systemClock,
} from '@painel/core/testing';
import { eq } from 'drizzle-orm';
import postgres from 'postgres';
import fixturePlugin from '../../fixture-plugin/src/index.ts';
import { stagedRows } from '../../fixture-plugin/src/schema.ts';
import { startThrowawayCluster } from '../../support/postgres-cluster.ts';
import { fmt, type Measured, measure } from '../measure.ts';

const total = Number(process.env.BENCH_ROWS ?? 1_000_000);
const drivers = (process.env.BENCH_DRIVERS ?? 'pglite,postgres').split(',').map((d) => d.trim());
const columns = ['reseller_id', 'clinic_id', 'label', 'amount', 'ratio', 'active', 'due_on', 'happened_at', 'doc'] as const;
const psqlBin = ['/usr/lib/postgresql/15/bin/psql', 'psql'];

/** Row i: the same values copyInto receives and the file holds. */
function row(i: number, resellerId: number, clinicId: number): [number, number, string, string, number, boolean, string, Date, { i: number; tag: string }] {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return [resellerId, clinicId, `linha ${i} da importação`, `${i % 100000}.${String(i % 100).padStart(2, '0')}`, i / 7, i % 2 === 0, `2026-02-${day}`, new Date(Date.UTC(2026, 0, 1) + i * 1000), { i, tag: 'carga' }];
}

/** The same row as a line of COPY's text format (the values need no escaping). */
function line(i: number, resellerId: number, clinicId: number): string {
  const r = row(i, resellerId, clinicId);
  return `${r[0]}\t${r[1]}\t${r[2]}\t${r[3]}\t${r[4]}\t${r[5] ? 't' : 'f'}\t${r[6]}\t${r[7].toISOString()}\t${JSON.stringify(r[8])}\n`;
}

async function prepare(db: Database) {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  const modules = await loadModules(builtinModules);
  await prepareDatabase(db, modules, [fixturePlugin]);
  const services = createServices(config, db, systemClock, createLogger(config));
  await seedDemoIfEmpty(services, modules);
  const { plugins: host } = createApp(services, modules, [fixturePlugin]);
  await host.start();
  const ctx = host.get('fixture-plugin')!.context;
  const [reseller] = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ id: schema.resellers.id }).from(schema.resellers).where(eq(schema.resellers.code, '0101')));
  return { ctx, host, resellerId: reseller!.id, clinicId: 1001 };
}

async function writeFile(file: string, resellerId: number, clinicId: number): Promise<void> {
  const out = createWriteStream(file);
  let chunk = '';
  for (let i = 1; i <= total; i++) {
    chunk += line(i, resellerId, clinicId);
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = '';
    }
  }
  out.end(chunk);
  await finished(out);
}

async function benchDriver(driver: 'pglite' | 'postgres', dir: string, serverUrl: string | null): Promise<Measured[]> {
  let db: Database;
  let url = '';
  let drop = async () => {};
  if (driver === 'pglite') {
    db = await openDatabase({ dataDir: join(dir, 'pglite'), appRole: 'painel_app' });
  } else {
    const name = `painel_bulk_${process.pid}`;
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    const u = new URL(serverUrl!);
    u.pathname = `/${name}`;
    url = u.toString();
    db = await openDatabase({ url, appRole: 'painel_app', poolSize: 4 });
    drop = async () => {
      const a = postgres(serverUrl!, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    };
  }
  const results: Measured[] = [];
  try {
    const { ctx, host, resellerId, clinicId } = await prepare(db);
    const file = join(dir, `rows-${driver}.tsv`);
    await writeFile(file, resellerId, clinicId);
    const truncate = () => db.owner.execute(`truncate fixture_plugin.staged_rows` as never);
    console.log(`\n${driver === 'pglite' ? 'PGlite (diretório de dados)' : 'PostgreSQL'}: ${fmt(total)} linhas`);

    results.push(
      await measure(`ctx.copyInto (${driver === 'pglite' ? 'insert … unnest em lotes' : 'COPY → tabela temporária → insert'})`, total, (sample) =>
        ctx.scoped({ kind: 'clinic', resellerId, clinicId }, async (tx) => {
          async function* rows() {
            for (let i = 1; i <= total; i++) {
              if (i % 10_000 === 0) sample(i % 100_000 === 0);
              yield row(i, resellerId, clinicId);
            }
          }
          const n = await ctx.copyInto(tx, stagedRows, columns, rows());
          if (n !== total) throw new Error(`copyInto loaded ${n} of ${total}`);
        }),
      ),
    );
    await truncate();

    if (driver === 'postgres') {
      const psql = psqlBin.find((p) => {
        try {
          execFileSync(p, ['--version'], { stdio: 'ignore' });
          return true;
        } catch {
          return false;
        }
      });
      if (!psql) throw new Error('psql not found');
      const cols = columns.join(', ');
      const run = (script: string) => execFileSync(psql, [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', script], { stdio: 'pipe' });
      results.push(
        await measure('psql \\copy (superusuário, sem RLS)', total, async () => run(`\\copy fixture_plugin.staged_rows (${cols}) from '${file}'`), 'processo psql à parte: a memória medida é a deste processo, não a do psql'),
      );
      await truncate();
      const staged = [
        'begin',
        `create temp table staging on commit drop as select ${cols} from fixture_plugin.staged_rows with no data`,
        `\\copy staging (${cols}) from '${file}'`,
        `insert into fixture_plugin.staged_rows (${cols}) select ${cols} from staging`,
        'commit',
      ];
      results.push(
        await measure('psql: \\copy em tabela temporária + insert … select', total, async () =>
          execFileSync(psql, [url, '-v', 'ON_ERROR_STOP=1', '-q', ...staged.flatMap((s) => ['-c', s])], { stdio: 'pipe' }),
        ),
      );
      await truncate();
    } else {
      const client = (db.owner as unknown as { $client: PGlite }).$client;
      results.push(
        await measure("PGlite COPY FROM '/dev/blob' (dono, sem RLS, arquivo inteiro)", total, async () => {
          await client.query(`copy fixture_plugin.staged_rows (${columns.join(', ')}) from '/dev/blob'`, [], { blob: new Blob([readFileSync(file)]) });
        }),
      );
      await truncate();
      // The alternative copyInto does not take on PGlite: COPY from a blob per batch into a staging
      // table (as the owner: COPY from a file needs pg_read_server_files), then insert … select as the
      // request role in the same clinic scope, so RLS checks the rows.
      const batch = 50_000;
      results.push(
        await measure("alternativa: COPY '/dev/blob' por lote → temporária → insert (RLS)", total, (sample) =>
          ctx.scoped({ kind: 'clinic', resellerId, clinicId }, async (tx) => {
            const t = (tx as unknown as { $client: PGlite }).$client;
            const cols = columns.join(', ');
            await t.query(`create temp table staging on commit drop as select ${cols} from fixture_plugin.staged_rows with no data`);
            for (let start = 1; start <= total; start += batch) {
              const lines: string[] = [];
              for (let i = start; i < Math.min(start + batch, total + 1); i++) lines.push(line(i, resellerId, clinicId));
              sample(true);
              await t.query('reset role');
              await t.query(`copy staging (${cols}) from '/dev/blob'`, [], { blob: new Blob(lines) });
              await t.query('set local role painel_app');
              await t.query(`insert into fixture_plugin.staged_rows (${cols}) select ${cols} from staging`);
              await t.query('truncate staging');
            }
          }),
        ),
      );
      await truncate();
    }
    await host.stop();
  } finally {
    await db.close();
    await drop();
  }
  return results;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'painel-bulk-'));
  const serverUrl = process.env.BENCH_DATABASE_URL || null;
  const cluster = drivers.includes('postgres') && !serverUrl ? await startThrowawayCluster() : null;
  try {
    const results: Record<string, Measured[]> = {};
    for (const driver of drivers) {
      if (driver !== 'pglite' && driver !== 'postgres') throw new Error(`unknown driver ${driver}`);
      const url = serverUrl ?? cluster?.url ?? null;
      if (driver === 'postgres' && !url) {
        console.log('\nPostgreSQL: sem servidor (instale postgresql-15 ou defina BENCH_DATABASE_URL); pulado.');
        continue;
      }
      results[driver] = await benchDriver(driver, dir, url);
    }
    mkdirSync('bench-results', { recursive: true });
    const out = join('bench-results', `bulk-load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, JSON.stringify({ rows: total, at: new Date().toISOString(), node: process.version, results }, null, 2));
    console.log(`\nResultado: ${out}`);
  } finally {
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
