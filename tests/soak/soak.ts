import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { type AppProcess, freePort, loginTo, startAppProcess, waitHealthy } from '../support/app-process.ts';
import { type RestartableCluster, startRestartableCluster } from '../support/restartable-cluster.ts';
import { withDatabase } from '../support/templates.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** An instance's start (TypeScript loading, migrations, demo data) can take minutes on a busy shared machine. */
const startTimeoutMs = 240_000;

/** How long and how hard: every phase is bounded in time, the whole run in requests too. */
export interface SoakOptions {
  /** Load before the first fault, between the faults and after the last one (ms each). */
  phaseMs: number;
  /** How long PostgreSQL stays stopped. */
  databaseDownMs: number;
  /** The run stops issuing requests past this count. */
  maxRequests: number;
  /** Reader loops per signed-in user. */
  readersPerUser: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  startedAt: string;
  durationMs: number;
  requests: number;
  byStatus: Record<string, number>;
  /** Requests that got no HTTP answer (the killed instance, connection refused while it restarted). */
  connectionErrors: number;
  fiveXxOutsideOutage: number;
  fiveXxInOutage: number;
  /** From `pg_ctl stop` until both instances answered /healthz 200 again. */
  outageWindowMs: number;
  staleGrantResponses: number;
  /** Agent requests started after a revocation committed (each one had to be refused). */
  checkedAfterRevocation: number;
  grants: number;
  revocations: number;
  clinicSwitches: number;
  uploads: number;
  instanceKills: number;
  bothProcessesAlive: boolean;
  auditChainVerified: boolean;
  auditVerifyOutput: string;
  /** Up to 10 examples of what failed (status, path, when), for the report's reader. */
  problems: string[];
  passed: boolean;
}

interface Sample {
  path: string;
  instance: number;
  start: number;
  end: number;
  status: number;
  /** The agent reading inside the base: whether the page showed the base's users. */
  agentSawBase?: boolean;
}

/** Two app instances on one PostgreSQL under mixed load, with kill -9 of one and a database stop. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const samples: Sample[] = [];
  const problems: string[] = [];
  let connectionErrors = 0;
  let running = true;
  let cluster: RestartableCluster | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'painel-soak-'));
  const apps: AppProcess[] = [];
  const counts = { grants: 0, revocations: 0, clinicSwitches: 0, uploads: 0, instanceKills: 0 };
  /** Moments a revocation's response arrived (its transaction had committed) and the next grant was asked. */
  const revocations: { committedAt: number; nextGrantAt: number }[] = [];
  let outage: { from: number; to: number } | null = null;

  try {
    cluster = await startRestartableCluster();
    log('PostgreSQL cluster up');
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database painel_soak');
    await admin.end();
    const databaseUrl = withDatabase(cluster.url, 'painel_soak');
    const env = { DATABASE_URL: databaseUrl, DATA_DIR: dataDir, SESSION_IDLE_MINUTES: '600' };
    const ports = [await freePort(), await freePort()];
    apps.push(startAppProcess(env, ports[0]!));
    await waitHealthy(apps[0]!, startTimeoutMs);
    apps.push(startAppProcess(env, ports[1]!));
    await waitHealthy(apps[1]!, startTimeoutMs);
    log(`instances up on ${ports.join(', ')}`);

    const login = async (email: string) => loginTo(apps[0]!, email);
    const users = {
      platform: await login('plataforma@demo.test'),
      reseller: await login('singular@demo.test'),
      gestor: await login('clinica@demo.test'),
      medico: await login('medico@demo.test'),
      agent: await login('suporte@demo.test'),
    };
    const watch = postgres(databaseUrl, { max: 1, onnotice: () => {}, connect_timeout: 3 });

    let issued = 0;
    const request = async (instance: number, path: string, cookie: string, init: { form?: Record<string, string>; body?: FormData } = {}) => {
      if (issued >= options.maxRequests) {
        running = false;
        return null;
      }
      issued++;
      const app = apps[instance]!;
      const start = Date.now();
      const body = init.form ? new URLSearchParams(init.form) : init.body;
      try {
        const res = await fetch(`${app.base}${path}`, {
          method: body ? 'POST' : 'GET',
          headers: { cookie, ...(body ? { origin: app.base } : {}) },
          body: body ?? null,
          redirect: 'manual',
          signal: AbortSignal.timeout(30_000),
        });
        const text = await res.text();
        const sample: Sample = { path, instance, start, end: Date.now(), status: res.status };
        samples.push(sample);
        return { sample, text };
      } catch (error) {
        connectionErrors++;
        if (!killing[instance]) problems.push(`${new Date(start).toISOString()} instance ${instance + 1} ${path}: ${(error as Error).message}`);
        return null;
      }
    };
    const killing = [false, false];
    let turn = 0;
    const next = () => turn++ % 2;

    const readers = (cookie: string, paths: string[]) =>
      Array.from({ length: options.readersPerUser }, async (_, i) => {
        let k = i;
        while (running) {
          await request(next(), paths[k++ % paths.length]!, cookie);
          await sleep(25);
        }
      });

    // The agent reads a page of base 1001 in a loop, on both instances; each answer is kept with its start.
    const agentReader = async () => {
      while (running) {
        const got = await request(next(), '/usuarios', users.agent);
        if (got) got.sample.agentSawBase = got.sample.status === 200 && got.text.includes('clinica@demo.test');
        await sleep(15);
      }
    };

    // The gestor revokes every open grant of base 1001 (the demo data starts with one), then grants a new
    // one and the agent enters the base again; over and over, while the agent keeps reading.
    const grantCycle = async () => {
      while (running) {
        const open = await watch<{ id: number }[]>`select id from support_access.grants where clinic_id = 1001 and ended_at is null`.catch(() => null);
        // The base is closed to the agent once the last revocation has committed.
        let closedAt: number | null = open && open.length > 0 ? 0 : null;
        for (const grant of open ?? []) {
          const revoked = await request(next(), '/acesso-suporte/revogar', users.gestor, { form: { acesso: String(grant.id) } });
          if (revoked?.sample.status !== 303) {
            closedAt = null;
            break;
          }
          counts.revocations++;
          closedAt = Math.max(closedAt ?? 0, revoked.sample.end);
        }
        if (closedAt) revocations.push({ committedAt: closedAt, nextGrantAt: Infinity });
        await sleep(400);
        const last = revocations.at(-1);
        if (last && last.nextGrantAt === Infinity) last.nextGrantAt = Date.now();
        const granted = await request(next(), '/acesso-suporte/conceder', users.gestor, { form: { duracao: '1h', motivo: 'Teste de carga' } });
        if (granted?.sample.status === 303) {
          counts.grants++;
          await request(next(), '/suporte/bases/entrar', users.agent, { form: { base: '1001' } });
        }
        await sleep(400);
      }
    };

    // The médico switches between his two clinics.
    const switcher = async () => {
      let base = '1002';
      while (running) {
        const res = await request(next(), '/alterar-clinica', users.medico, { form: { base, voltar: '/' } });
        if (res?.sample.status === 303) {
          counts.clinicSwitches++;
          base = base === '1002' ? '1001' : '1002';
        }
        await sleep(200);
      }
    };

    // The singular's admin uploads a conquistas file (valid: each upload makes a new track with a draft version).
    const conquistas = JSON.stringify({
      conquistas: [
        {
          descricao: 'Primeiros passos no painel',
          bloqueada: false,
          notificado: false,
          tarefas: [
            { titulo: 'Entrar no painel', efetuada: false, identificador_artigo: 'entrar-no-painel' },
            { titulo: 'Alterar a clínica', efetuada: false, identificador_artigo: 'https://youtu.be/dQw4w9WgXcQ' },
          ],
        },
      ],
    });
    let attempt = 0;
    const uploader = async () => {
      while (running) {
        const form = new FormData();
        form.set('trilha', 'nova');
        form.set('nome', `Trilha de carga ${++attempt} ${Date.now()}`);
        form.set('previa', '');
        form.set('arquivo', new File([conquistas], 'conquistas.json', { type: 'application/json' }));
        const res = await request(next(), '/conteudos/enviar', users.reseller, { body: form });
        if (res && res.sample.status < 400) counts.uploads++;
        await sleep(500);
      }
    };

    const load = [
      ...readers(users.platform, ['/', '/singulares', '/auditoria', '/notificacoes']),
      ...readers(users.reseller, ['/', '/bases', '/usuarios', '/conteudos']),
      ...readers(users.gestor, ['/', '/usuarios', '/minhas-sessoes', '/acesso-suporte']),
      ...readers(users.medico, ['/', '/notificacoes', '/minhas-sessoes']),
      agentReader(),
      grantCycle(),
      switcher(),
      uploader(),
    ];

    const phase = async () => {
      const until = Date.now() + options.phaseMs;
      while (running && Date.now() < until) await sleep(100);
    };

    log('load running');
    await phase();
    // Fault 1: kill -9 of instance 2, then start it again on the same port.
    if (running) {
      log('kill -9 of instance 2');
      killing[1] = true;
      apps[1]!.proc.kill('SIGKILL');
      await apps[1]!.exited;
      counts.instanceKills++;
      apps[1] = startAppProcess(env, ports[1]!);
      await waitHealthy(apps[1], startTimeoutMs);
      killing[1] = false;
      log('instance 2 back');
    }
    await phase();
    // Fault 2: PostgreSQL stopped, then started again.
    if (running) {
      log(`PostgreSQL stopped for ${options.databaseDownMs} ms`);
      const from = Date.now();
      cluster.stopServer();
      await sleep(options.databaseDownMs);
      cluster.startServer();
      const healthy = [false, false];
      const until = Date.now() + 60_000;
      while (healthy.includes(false) && Date.now() < until) {
        for (const [i, app] of apps.entries()) {
          if (!healthy[i]) healthy[i] = (await fetch(`${app.base}/healthz`).catch(() => null))?.status === 200;
        }
        await sleep(100);
      }
      outage = { from, to: Date.now() };
      log(`database back, both instances healthy after ${outage.to - outage.from} ms`);
    }
    await phase();
    running = false;
    await Promise.all(load);
    await watch.end({ timeout: 1 });

    log(`load stopped after ${samples.length + connectionErrors} requests`);
    const bothProcessesAlive = apps.every((a) => a.proc.exitCode === null && a.proc.signalCode === null);
    const audit = await verifyAudit(databaseUrl);
    log(`audit chain: ${audit.output}`);

    const inOutage = (s: Sample) => outage !== null && s.end >= outage.from && s.start <= outage.to;
    const fiveXx = samples.filter((s) => s.status >= 500);
    const outside = fiveXx.filter((s) => !inOutage(s));
    for (const s of outside.slice(0, 10)) problems.push(`${s.status} ${s.path} on instance ${s.instance + 1} at ${new Date(s.start).toISOString()}`);
    // After a revocation committed, no agent request started later (and before the next grant was asked) may show the base.
    const mustRefuse = samples.filter((s) => s.agentSawBase !== undefined && revocations.some((r) => s.start > r.committedAt && s.start < r.nextGrantAt));
    const stale = mustRefuse.filter((s) => s.agentSawBase);
    for (const s of stale.slice(0, 10)) problems.push(`stale grant: ${s.path} on instance ${s.instance + 1} at ${new Date(s.start).toISOString()}`);
    const byStatus: Record<string, number> = {};
    for (const s of samples) byStatus[s.status] = (byStatus[s.status] ?? 0) + 1;

    const report: SoakReport = {
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      requests: samples.length + connectionErrors,
      byStatus,
      connectionErrors,
      fiveXxOutsideOutage: outside.length,
      fiveXxInOutage: fiveXx.length - outside.length,
      outageWindowMs: outage ? outage.to - outage.from : 0,
      staleGrantResponses: stale.length,
      checkedAfterRevocation: mustRefuse.length,
      ...counts,
      bothProcessesAlive,
      auditChainVerified: audit.ok,
      auditVerifyOutput: audit.output,
      problems: problems.slice(0, 10),
      passed: false,
    };
    report.passed =
      report.fiveXxOutsideOutage === 0 &&
      report.staleGrantResponses === 0 &&
      report.bothProcessesAlive &&
      report.auditChainVerified &&
      report.revocations > 0 &&
      report.checkedAfterRevocation > 0 &&
      report.instanceKills === 1 &&
      report.outageWindowMs > 0;
    return report;
  } finally {
    running = false;
    for (const app of apps) {
      if (app.proc.exitCode === null && app.proc.signalCode === null) {
        app.proc.kill('SIGTERM');
        await Promise.race([app.exited, sleep(10_000)]);
      }
    }
    cluster?.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `npm run audit:verify` against the soak's database: exit 0 and its message. */
function verifyAudit(databaseUrl: string): Promise<{ ok: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'tenants/src/audit/verify-main.ts'],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'development' }, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ ok: !error, output: `${stdout}${stderr}`.trim() }),
    );
  });
}

/** Where the standing test figures go (git-ignored). */
export const reportsDir = join(root, 'data', 'test-reports');

export function writeReport(name: string, report: object): string {
  const file = join(reportsDir, `${name}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
