/**
 * `npm run bench`: how fast the "Bases clínicas" screen searches and pages at scale.
 *
 * Seeds a fresh database with the large seed (350 singulares — fewer for small runs — and N bases),
 * then times, as the largest singular's admin (reseller scope) and as a platform admin:
 * keyword search, base-id search, CNPJ search and the paginated list (first and a middle page), plus
 * the whole HTTP page (GET /bases?q=…, rendering included). Every time is compared with a baseline
 * measured in the same run: a plain `count(*)` over the same rows in the same scope, and the same
 * list with index scans switched off. Results: median / p95 in ms, printed and written as JSON to
 * bench-results/ (git-ignored). No thresholds: this is a measuring tool, not a test.
 *
 * Knobs (environment):
 *   BENCH_CLINICS       bases to seed (default 20000 on PGlite, 100000 on PostgreSQL)
 *   BENCH_USERS         clinic users to seed (default 0: the search does not depend on them)
 *   BENCH_RUNS          timed runs per case (default 25, after 3 warm-up runs)
 *   BENCH_DATABASE_URL  postgres://… of a PostgreSQL SERVER: a throwaway database is created on it and
 *                       dropped at the end; without it the bench runs on an in-memory PGlite.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  builtinModules,
  createApp,
  createLogger,
  createServices,
  type Database,
  demoPassword,
  hashPassword,
  loadConfig,
  loadModules,
  prepareDatabase,
  schema,
  seedDemoIfEmpty,
  systemClock,
  type TenantScope,
} from '@painel/core/testing';
import {
  accentInsensitivePattern,
  type ClinicSearch,
  listClinics,
  parseClinicSearch,
  SEED_EMAIL_DOMAIN,
  SEED_RESELLER_CODE_START,
  seedLarge,
} from '@painel/tenants';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { openBenchDatabase } from './bench-db.ts';
import { measure, type Summary } from './stats.ts';

const { clinics, resellers } = schema;

const serverUrl = process.env.BENCH_DATABASE_URL || undefined;
const clinicTotal = Number(process.env.BENCH_CLINICS ?? (serverUrl ? 100_000 : 20_000));
const userTotal = Number(process.env.BENCH_USERS ?? 0);
const runs = Number(process.env.BENCH_RUNS ?? 25);
const resellerTotal = Math.min(350, Math.max(1, clinicTotal));
const PAGE_SIZE = 50;

interface CaseResult extends Summary {
  name: string;
  scope: 'reseller' | 'platform';
  baseline: string;
  ratio: number;
}

const fmt = (n: number) => new Intl.NumberFormat('pt-BR').format(n);

async function main(): Promise<void> {
  const { db, label, drop } = await openBenchDatabase(serverUrl);
  try {
    console.log(`Banco: ${label}`);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const modules = await loadModules(builtinModules);
    await prepareDatabase(db, modules);
    const services = createServices(config, db, systemClock, createLogger(config));
    await seedDemoIfEmpty(services, modules);
    console.log(`Semeando ${fmt(resellerTotal)} singulares, ${fmt(clinicTotal)} bases e ${fmt(userTotal)} usuários…`);
    const seed = await seedLarge(db, { resellers: resellerTotal, clinics: clinicTotal, users: userTotal }, await hashPassword(demoPassword));
    console.log(`Carga pronta em ${(seed.ms / 1000).toFixed(1)} s. Medindo (${runs} execuções por caso)…\n`);

    const target = await pickTargets(db);
    const results: CaseResult[] = [];
    const resellerScope: TenantScope = { kind: 'reseller', resellerId: target.resellerId };
    const platformScope: TenantScope = { kind: 'platform' };

    // JIT off everywhere, as the screen's queries do (see clinic-store.ts), unless a case asks for it.
    const timeIn = (scope: TenantScope, fn: (tx: Parameters<Parameters<Database['scoped']>[1]>[0]) => Promise<unknown>, setup = 'set local jit = off') =>
      measure(() => db.scoped(scope, async (tx) => {
        for (const statement of setup.split(';').filter((x) => x.trim())) await tx.execute(sql.raw(statement));
        return fn(tx);
      }), runs);
    const list = (scope: TenantScope, resellerId: number | null, search: ClinicSearch, page = 1, setup = '') =>
      timeIn(scope, (tx) => listClinics(tx, { resellerId, search, status: 'all', page, pageSize: PAGE_SIZE }), setup);
    const add = (name: string, scope: CaseResult['scope'], baselineName: string, baseline: Summary, summary: Summary) => {
      results.push({ name, scope, baseline: baselineName, ratio: Math.round((summary.medianMs / baseline.medianMs) * 100) / 100, ...summary });
    };

    // Reseller admin of the largest singular.
    const r = target.resellerId;
    const countR = await timeIn(resellerScope, (tx) => tx.select({ n: count() }).from(clinics).where(eq(clinics.resellerId, r)));
    const noIndexes = 'set local jit = off; set local enable_indexscan = off; set local enable_bitmapscan = off; set local enable_indexonlyscan = off';
    const listR = await list(resellerScope, r, { kind: 'all' });
    const listRNoIdx = await list(resellerScope, r, { kind: 'all' }, 1, noIndexes);
    const baseR = 'count(*) das bases da singular';
    add('count(*) das bases da singular (linha de base)', 'reseller', baseR, countR, countR);
    add('lista, página 1', 'reseller', baseR, countR, listR);
    add('lista, página 1, índices desligados', 'reseller', 'lista, página 1 (com índices)', listR, listRNoIdx);
    add(`lista, página ${target.middlePage} (meio)`, 'reseller', baseR, countR, await list(resellerScope, r, { kind: 'all' }, target.middlePage));
    for (const q of target.keywords) add(`busca por palavras “${q}”`, 'reseller', baseR, countR, await list(resellerScope, r, parseClinicSearch(q)));
    add(`busca por id da base ${target.baseId}`, 'reseller', baseR, countR, await list(resellerScope, r, parseClinicSearch(String(target.baseId))));
    add('busca por CNPJ', 'reseller', baseR, countR, await list(resellerScope, r, parseClinicSearch(target.cnpj)));

    // Platform admin, every singular.
    const countP = await timeIn(platformScope, (tx) => tx.select({ n: count() }).from(clinics));
    const baseP = 'count(*) de todas as bases';
    add('count(*) de todas as bases (linha de base)', 'platform', baseP, countP, countP);
    if (db.driver === 'postgres') {
      const withJit = await timeIn(platformScope, (tx) => tx.select({ n: count() }).from(clinics), 'set local jit = on');
      add('count(*) de todas as bases, JIT ligado (padrão do PostgreSQL)', 'platform', baseP, countP, withJit);
    }
    add('lista de todas, página 1', 'platform', baseP, countP, await list(platformScope, null, { kind: 'all' }));
    for (const q of target.keywords) add(`busca em todas “${q}”`, 'platform', baseP, countP, await list(platformScope, null, parseClinicSearch(q)));
    add(`busca em todas por id ${target.baseId}`, 'platform', baseP, countP, await list(platformScope, null, parseClinicSearch(String(target.baseId))));

    // The whole screen over HTTP, as the largest singular's admin.
    const page = await httpTimings(services, modules, target);
    for (const [path, summary] of page) add(`página GET ${path}`, 'reseller', baseR, countR, summary);

    const plans = await explainPlans(db, target);
    printTable(results);
    console.log('\nPlanos (PostgreSQL EXPLAIN, escopo da singular):');
    for (const [name, lines] of Object.entries(plans)) console.log(`  ${name}:\n    ${lines.join('\n    ')}`);
    const file = writeResults({ label, seed, target, results, plans });
    console.log(`\nResultados gravados em ${file}`);
  } finally {
    await drop();
  }
}

interface Targets {
  resellerId: number;
  resellerCode: string;
  clinicCount: number;
  middlePage: number;
  baseId: number;
  cnpj: string;
  keywords: string[];
}

async function pickTargets(db: Database): Promise<Targets> {
  return db.scoped({ kind: 'platform' }, async (tx) => {
    const code = String(SEED_RESELLER_CODE_START);
    const [reseller] = await tx.select().from(resellers).where(eq(resellers.code, code));
    if (!reseller) throw new Error('seeded reseller not found');
    const [counted] = await tx.select({ n: count() }).from(clinics).where(eq(clinics.resellerId, reseller.id));
    const clinicCount = Number(counted?.n ?? 0);
    const [sample] = await tx
      .select({ id: clinics.id, cnpj: clinics.cnpj })
      .from(clinics)
      .where(and(eq(clinics.resellerId, reseller.id), sql`${clinics.cnpj} is not null`))
      .orderBy(asc(clinics.name))
      .offset(Math.floor(clinicCount / 3))
      .limit(1);
    return {
      resellerId: reseller.id,
      resellerCode: code,
      clinicCount,
      middlePage: Math.max(1, Math.ceil(clinicCount / PAGE_SIZE / 2)),
      baseId: sample?.id ?? 0,
      cnpj: sample?.cnpj ?? '',
      keywords: ['clinica sao lucas', 'pediatria jardim america', 'centro'],
    };
  });
}

async function httpTimings(
  services: ReturnType<typeof createServices>,
  modules: Awaited<ReturnType<typeof loadModules>>,
  target: Targets,
): Promise<Array<[string, Summary]>> {
  const { app } = createApp(services, modules);
  const origin = 'http://localhost';
  const login = await app.request(`${origin}/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: `admin.${target.resellerCode}@${SEED_EMAIL_DOMAIN}`, password: demoPassword }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (login.status !== 303 || !cookie) throw new Error(`bench login failed (${login.status})`);
  const paths = ['/bases', `/bases?q=${encodeURIComponent(target.keywords[0] ?? '')}`, `/bases?q=${target.baseId}`];
  const out: Array<[string, Summary]> = [];
  for (const path of paths) {
    out.push([
      path,
      await measure(async () => {
        const res = await app.request(`${origin}${path}`, { headers: { cookie } });
        if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
        await res.text();
      }, runs),
    ]);
  }
  return out;
}

async function explainPlans(db: Database, target: Targets): Promise<Record<string, string[]>> {
  const scope: TenantScope = { kind: 'reseller', resellerId: target.resellerId };
  const pattern = accentInsensitivePattern('lucas');
  const queries: Record<string, ReturnType<typeof sql>> = {
    'busca por palavra': sql`select id, name from clinics where reseller_id = ${target.resellerId} and name ~ ${pattern} order by reseller_id, name, id limit 50`,
    'busca por id': sql`select id, name from clinics where reseller_id = ${target.resellerId} and id = ${target.baseId}`,
    'lista, página 1': sql`select id, name from clinics where reseller_id = ${target.resellerId} order by reseller_id, name, id limit 50`,
  };
  const plans: Record<string, string[]> = {};
  for (const [name, query] of Object.entries(queries)) {
    const rows = await db.scoped(scope, async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return db.query<{ 'QUERY PLAN': string }>(tx, sql`explain ${query}`);
    });
    plans[name] = rows.map((r) => r['QUERY PLAN']).filter((line) => /Scan|Sort|Limit/.test(line)).map((l) => l.trim());
  }
  return plans;
}

function printTable(results: CaseResult[]): void {
  const header = ['caso', 'escopo', 'mediana ms', 'p95 ms', '× linha de base'];
  const rows = results.map((r) => [r.name, r.scope === 'reseller' ? 'singular' : 'plataforma', r.medianMs.toFixed(2), r.p95Ms.toFixed(2), r.ratio.toFixed(2)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i >= 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

function writeResults(data: { label: string; seed: unknown; target: Targets; results: CaseResult[]; plans: Record<string, string[]> }): string {
  const dir = join(process.cwd(), 'bench-results');
  mkdirSync(dir, { recursive: true });
  const driver = serverUrl ? 'postgres' : 'pglite';
  const file = join(dir, `clinic-search-${driver}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify(
      { when: new Date().toISOString(), database: data.label, knobs: { clinics: clinicTotal, users: userTotal, runs, resellers: resellerTotal }, ...data },
      null,
      2,
    )}\n`,
  );
  return file;
}

main().catch((error: unknown) => {
  console.error('O benchmark falhou:', error instanceof Error ? error.stack : error);
  process.exit(1);
});
