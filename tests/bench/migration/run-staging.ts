/**
 * `npm run bench:staging` (also part of `npm run bench`), issue 15's P5: a 1,000,000-row validated
 * patients set loaded into the homologation staging (`migration.staged_rows`) through the plugin —
 * `loadVersion`, the loader the version job runs: row gate, JSON of the source row and of the normalised
 * values, `ctx.copyInto` (COPY → temporary staging → insert as the request role under row-level
 * security keyed by base and version), chunks of 100,000 rows per transaction — next to `psql \copy` of
 * the same rows into the same table (as the superuser: no row-level security), alternating, on a
 * throwaway PostgreSQL 15 cluster (or a throwaway database on BENCH_DATABASE_URL's server).
 *
 * The validated set is written once, before timing: an NDJSON file of `{ line, source, values }` (what
 * the loader takes; the plugin side reads and parses it while loading) and the same rows as a COPY text
 * file (what psql reads). Prints rows/s, the ratio (best of the runs) and this process's RSS and heap
 * growth during the plugin's load; writes bench-results/migration-staging-<time>.json. Target: ratio
 * ≥ 0.5×, memory flat (it must not grow with the row count).
 *
 * Knobs: BENCH_STAGING_ROWS (1000000), BENCH_STAGING_RUNS (2), BENCH_DATABASE_URL.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
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
  seedDemoIfEmpty,
  systemClock,
} from '@painel/core/testing';
import { createMigrationPlugin, prevalidation, secretBoxFromEnv, versions } from '@painel/migration';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { startThrowawayCluster } from '../../support/postgres-cluster.ts';
import { fmt, type Measured, measure } from '../measure.ts';

const total = Number(process.env.BENCH_STAGING_ROWS ?? 1_000_000);
const runs = Number(process.env.BENCH_STAGING_RUNS ?? 2);
const psql = ['/usr/lib/postgresql/15/bin/psql', 'psql'].find((p) => {
  try {
    execFileSync(p, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

const copyEscape = (text: string) => text.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!);

/** The validated set, once: NDJSON for the plugin, COPY text for psql (the same rows, the same version). */
async function writeInputs(dir: string, key: versions.VersionKey): Promise<{ ndjson: string; tsv: string }> {
  const ndjson = join(dir, 'pacientes.ndjson');
  const tsv = join(dir, 'pacientes.tsv');
  const a = createWriteStream(ndjson);
  const b = createWriteStream(tsv);
  let bufA = '';
  let bufB = '';
  const prefix = `${key.resellerId}\t${key.clinicId}\t${key.requestId}\t${key.versionId}\tpacientes\t`;
  for (const row of versions.tableRows(prevalidation.generator.patients({ rows: total, convenios: 10 }))) {
    bufA += `${JSON.stringify(row)}\n`;
    bufB += `${prefix}${row.line}\t${copyEscape(JSON.stringify(row.source))}\t${copyEscape(JSON.stringify(row.values))}\n`;
    if (bufA.length > 1 << 16) {
      if (!a.write(bufA)) await new Promise<void>((r) => a.once('drain', () => r()));
      if (!b.write(bufB)) await new Promise<void>((r) => b.once('drain', () => r()));
      bufA = '';
      bufB = '';
    }
  }
  a.end(bufA);
  b.end(bufB);
  await Promise.all([finished(a), finished(b)]);
  return { ndjson, tsv };
}

async function* readNdjson(file: string, sample: (collect?: boolean) => void): AsyncGenerator<versions.StagedInput> {
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (++n % 10_000 === 0) sample(n % 100_000 === 0);
    yield JSON.parse(line) as versions.StagedInput;
  }
}

async function main(): Promise<void> {
  if (!psql) throw new Error('psql não encontrado (instale postgresql-client-15).');
  const dir = mkdtempSync(join(tmpdir(), 'painel-staging-'));
  const serverUrl = process.env.BENCH_DATABASE_URL || null;
  const cluster = serverUrl ? null : await startThrowawayCluster();
  const server = serverUrl ?? cluster!.url;
  const name = `painel_staging_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  const url = u.toString();
  let db: Database | undefined;
  try {
    db = await openDatabase({ url, appRole: 'painel_app', poolSize: 4 });
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const modules = await loadModules(builtinModules);
    const plugin = createMigrationPlugin({ box: secretBoxFromEnv({ NODE_ENV: 'test' }) });
    await prepareDatabase(db, modules, [plugin]);
    const services = createServices(config, db, systemClock, createLogger(config));
    await seedDemoIfEmpty(services, modules);
    const { plugins: host } = createApp(services, modules, [plugin]);
    await host.start();
    const ctx = host.get('migration')!.context;
    const [request] = await db.scoped({ kind: 'platform' }, (tx) =>
      db!.query<{ resellerId: number; clinicId: number; id: number }>(
        tx,
        sql`select reseller_id::int as "resellerId", clinic_id::int as "clinicId", id::int as id from migration.requests where clinic_id = 1001 and state = 'versao_validacao' limit 1`,
      ),
    );
    const version = await ctx.scoped({ kind: 'clinic', resellerId: request!.resellerId, clinicId: request!.clinicId }, (tx) =>
      versions.createVersion(tx, request!, { userId: null, name: 'Bench' }, new Date()),
    );
    const key = versions.keyOf(version);
    console.log(`Gerando ${fmt(total)} pacientes validados…`);
    const { ndjson, tsv } = await writeInputs(dir, key);
    console.log(`  NDJSON ${fmt(statSync(ndjson).size / 1e6)} MB · COPY ${fmt(statSync(tsv).size / 1e6)} MB`);
    const reset = async () => {
      await db!.owner.execute(sql`delete from migration.staged_rows where version_id = ${key.versionId}` as never);
      await db!.owner.execute(sql`update migration.versions set state = 'carregando', counts = '{}'::jsonb where id = ${key.versionId}` as never);
    };
    const cols = versions.STAGED_COLUMNS.join(', ');
    const results: Measured[] = [];
    console.log(`\nPostgreSQL: ${fmt(total)} linhas em migration.staged_rows (${runs} rodadas alternadas)`);
    for (let r = 0; r < runs; r++) {
      await reset();
      results.push(
        await measure('psql \\copy (superusuário, sem RLS)', total, async () => {
          execFileSync(psql, [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy migration.staged_rows (${cols}) from '${tsv}'`], { stdio: 'pipe' });
        }, 'processo psql à parte'),
      );
      await reset();
      results.push(
        await measure('plugin: loadVersion → ctx.copyInto (RLS por base e versão)', total, async (sample) => {
          const { counts } = await versions.loadVersion(ctx, key, { entities: { pacientes: readNdjson(ndjson, sample) }, expected: { pacientes: total } });
          if (counts.pacientes?.staged !== total) throw new Error(`loaded ${counts.pacientes?.staged} of ${total}`);
        }),
      );
    }
    const best = (prefix: string) => Math.max(...results.filter((m) => m.name.startsWith(prefix)).map((m) => m.rowsPerSecond));
    const ratio = best('plugin') / best('psql');
    const pluginRuns = results.filter((m) => m.name.startsWith('plugin'));
    console.log(`\nRazão (melhor rodada): ${ratio.toFixed(2)}× o psql \\copy (meta ≥ 0,5×); crescimento de RSS do plugin: até +${fmt(Math.max(...pluginRuns.map((m) => m.rssGrowthMb)))} MB`);
    mkdirSync('bench-results', { recursive: true });
    const out = join('bench-results', `migration-staging-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(out, JSON.stringify({ rows: total, runs, at: new Date().toISOString(), node: process.version, ratio, results }, null, 2));
    console.log(`Resultado: ${out}`);
    await host.stop();
  } finally {
    await db?.close();
    const a = postgres(server, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists "${name}" with (force)`);
    await a.end();
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
