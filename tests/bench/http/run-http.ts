/**
 * `npm run bench:http`: the product's pages under load against a bare Hono + postgres.js handler, side by
 * side in one run, on a PostgreSQL server (issue 10, P1 and P2).
 *
 * 1. A throwaway PostgreSQL 15 cluster (or a throwaway database on BENCH_DATABASE_URL's server).
 * 2. `npm run seed:large -- --clinics N --users 0` into it (350 singulares, N bases).
 * 3. Two child processes: the real app (`core/src/main.ts`, @hono/node-server), signed in as the largest
 *    singular's admin with a session cookie, and tests/bench/http/bare-server.ts. P2 is compared with two
 *    bare routes: the session statement alone, and the product's own statements (transaction, signed
 *    scope entries, row-level security) sent without the product's code.
 * 4. autocannon in a third process (its CLI, JSON output), c connections, a warm-up run, then a timed
 *    run per route, one route at a time, loopback only.
 *
 * Knobs: BENCH_CLINICS (100000), BENCH_CONNECTIONS (32), BENCH_SECONDS (10), BENCH_WARMUP_SECONDS (3),
 * BENCH_KEYWORD (pediatria), BENCH_DATABASE_URL (postgres://… of a server; else a throwaway cluster).
 * Results: a table on the console and bench-results/http-<time>.json.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { freePort, loginTo, startAppProcess, waitHealthy } from '../../support/app-process.ts';
import { startThrowawayCluster } from '../../support/postgres-cluster.ts';
import { type LoadResult, type PairResult, pairOf, printPairs } from './load-result.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');
const clinicTotal = Number(process.env.BENCH_CLINICS ?? 100_000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const keyword = process.env.BENCH_KEYWORD ?? 'pediatria';
const PAGE_SIZE = 50; // CLINIC_PAGE_SIZE of the Bases clínicas screen
const RESELLER_CODE = '5001'; // the large seed's largest singular
const autocannonBin = join(root, 'node_modules/autocannon/autocannon.js');

/** Runs autocannon in its own process and reads its JSON summary. */
async function load(url: string, headers: Record<string, string>, duration: number): Promise<LoadResult> {
  const args = [autocannonBin, '-c', String(connections), '-d', String(duration), '-j'];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  const { stdout } = await run(process.execPath, [...args, url], { maxBuffer: 64 * 1024 * 1024 });
  const r = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number; average: number; max: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    url,
    reqPerSec: Math.round(r.requests.average),
    total: r.requests.total,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    maxMs: r.latency.max,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<LoadResult> {
  const first = await fetch(url, { headers });
  if (first.status !== 200) throw new Error(`GET ${url} answered ${first.status}`);
  await first.text();
  if (warmupSeconds > 0) await load(url, headers, warmupSeconds);
  return load(url, headers, seconds);
}

function spawnBare(port: number, url: string, resellerId: number): { proc: ChildProcess; ready: Promise<void> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/http/bare-server.ts', String(port), url, String(resellerId), String(PAGE_SIZE)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout?.on('data', (d) => String(d).includes('listening') && resolve());
    proc.once('exit', (code) => reject(new Error(`bare server exited (${code})`)));
  });
  return { proc, ready };
}

async function main(): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
  const cluster = serverUrl ? null : await startThrowawayCluster();
  if (!serverUrl && !cluster) throw new Error('no PostgreSQL: set BENCH_DATABASE_URL or install postgresql-15');
  const server = serverUrl ?? cluster!.url;
  const name = `painel_bench_http_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const dbUrl = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const children: ChildProcess[] = [];
  try {
    console.log(`Semeando ${clinicTotal} bases em ${new URL(server).host}/${name}…`);
    const started = Date.now();
    await run(process.execPath, ['--import', 'tsx', 'tenants/src/large-seed/main.ts', '--clinics', String(clinicTotal), '--users', '0'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: dbUrl, NODE_ENV: 'development', LOG_LEVEL: 'warn' },
      maxBuffer: 16 * 1024 * 1024,
    });
    console.log(`Carga pronta em ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    const db = postgres(dbUrl, { max: 1, onnotice: () => {} });
    const [reseller] = await db<{ id: string }[]>`select id from resellers where code = ${RESELLER_CODE}`;
    const [matches] = await db<{ n: string }[]>`select count(*) as n from clinics where reseller_id = ${reseller!.id} and name ilike ${`%${keyword}%`}`;
    const [bases] = await db<{ n: string }[]>`select count(*) as n from clinics where reseller_id = ${reseller!.id}`;
    await db.end();

    const appPort = await freePort();
    const app = startAppProcess({ DATABASE_URL: dbUrl, LOG_LEVEL: 'warn' }, appPort);
    children.push(app.proc);
    const barePort = await freePort();
    const bare = spawnBare(barePort, dbUrl, Number(reseller!.id));
    children.push(bare.proc);
    await Promise.all([waitHealthy(app), bare.ready]);
    const cookie = await loginTo(app, `admin.${RESELLER_CODE}@carga.test`);
    const bareBase = `http://127.0.0.1:${barePort}`;
    const q = encodeURIComponent(keyword);
    console.log(`Medindo: autocannon -c ${connections}, ${warmupSeconds} s de aquecimento + ${seconds} s por rota…\n`);

    const pairs: PairResult[] = [];
    pairs.push(pairOf('P1', `GET /bases?q=${keyword} (admin da singular ${RESELLER_CODE})`, await measure(`${app.base}/bases?q=${q}`, { cookie }), await measure(`${bareBase}/bases?q=${q}`, { cookie })));
    // P2 against two baselines, measured in the same minute: the bare route (the session statement
    // only), and the bare route that sends the product's own statements (transaction, signed scope
    // entries, row-level security) — the second ratio is what the application adds on top of the
    // database design.
    const healthz = await measure(`${app.base}/healthz`, { cookie });
    pairs.push(pairOf('P2', 'GET /healthz com cookie de sessão', healthz, await measure(`${bareBase}/sessao`, { cookie })));
    pairs.push(pairOf('P2', '  mesma rota, nua com as instruções do produto', healthz, await measure(`${bareBase}/sessao-rls`, { cookie })));
    const notifications = await measure(`${app.base}/notificacoes`, { cookie });
    pairs.push(pairOf('P2', 'GET /notificacoes (página mínima autenticada)', notifications, await measure(`${bareBase}/notificacoes`, { cookie })));
    pairs.push(pairOf('P2', '  mesma rota, nua com as instruções do produto', notifications, await measure(`${bareBase}/notificacoes-rls`, { cookie })));
    printPairs(pairs);

    const dir = join(root, 'bench-results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `http-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    const knobs = { clinics: clinicTotal, connections, seconds, warmupSeconds, keyword, cpus: cpus().length };
    const data = { resellerCode: RESELLER_CODE, resellerBases: Number(bases!.n), keywordMatches: Number(matches!.n) };
    writeFileSync(file, `${JSON.stringify({ when: new Date().toISOString(), knobs, data, pairs }, null, 2)}\n`);
    console.log(`\nResultados gravados em ${file}`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await admin.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await admin.end();
    cluster?.stop();
  }
}

main().catch((error: unknown) => {
  console.error('O benchmark falhou:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
