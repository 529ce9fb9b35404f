import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { type AppProcess, freePort, loginTo, startAppProcess, waitHealthy } from '../support/app-process.ts';
import { postgresBinariesInstalled, type RestartableCluster, startRestartableCluster } from '../support/restartable-cluster.ts';
import { withDatabase } from '../support/templates.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Timed {
  status: number;
  ms: number;
  body: string;
}

async function timedGet(url: string, cookie?: string): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: 'manual', signal: AbortSignal.timeout(20_000) });
  const body = await res.text();
  return { status: res.status, ms: Math.round(performance.now() - started), body };
}

/**
 * Steady traffic on an instance until stopped: what it saw, by status. Four loops per page, twelve in
 * all: more requests than the pool has connections are in flight or waiting for one when the server
 * goes away and when it comes back.
 */
function keepBusy(app: AppProcess, cookie: string) {
  const statuses: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = async (path: string) => {
    while (running) {
      try {
        statuses.push((await timedGet(`${app.base}${path}`, cookie)).status);
      } catch (error) {
        failures.push(`${path}: ${(error as Error).message}`);
      }
      await sleep(20);
    }
  };
  const loops = ['/', '/minhas-sessoes', '/notificacoes'].flatMap((path) => [0, 1, 2, 3].map(() => loop(path)));
  return {
    statuses,
    failures,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/**
 * Two instances on one PostgreSQL under load; the server is stopped (`pg_ctl stop -m fast`) and started
 * again. Both instances must stay up, answer a pt-BR 503 quickly while the database is away, and serve
 * 200 again by themselves once it is back.
 */
describe.runIf(postgresBinariesInstalled())('a PostgreSQL restart under load', () => {
  let cluster: RestartableCluster | undefined;
  const apps: AppProcess[] = [];
  afterAll(async () => {
    for (const app of apps) {
      if (app.proc.exitCode === null) {
        app.proc.kill('SIGTERM');
        await Promise.race([app.exited, sleep(10_000)]);
      }
    }
    cluster?.destroy();
  });

  it('keeps both instances alive: 503 pages while the database is down, 200 again after', async () => {
    cluster = await startRestartableCluster();
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('create database painel_restart');
    await admin.end();
    const env = { DATABASE_URL: withDatabase(cluster.url, 'painel_restart') };
    const a = startAppProcess(env, await freePort());
    apps.push(a);
    await waitHealthy(a);
    const b = startAppProcess(env, await freePort());
    apps.push(b);
    await waitHealthy(b);
    const cookies = [await loginTo(a, 'plataforma@demo.test'), await loginTo(b, 'singular@demo.test')];
    const loads = [keepBusy(a, cookies[0]!), keepBusy(b, cookies[1]!)];
    await sleep(1500);

    cluster.stopServer();
    const down = Date.now();
    for (const [i, app] of [a, b].entries()) {
      const page = await timedGet(`${app.base}/`, cookies[i]);
      expect(page.status, `instance ${i + 1}: ${page.body.slice(0, 200)}`).toBe(503);
      expect(page.body).toContain('Serviço temporariamente indisponível');
      expect(page.ms, 'a 503 comes at once, not after a connect timeout').toBeLessThan(3000);
      const health = await timedGet(`${app.base}/healthz`);
      expect(health.status).toBe(503);
      expect(JSON.parse(health.body)).toEqual({ status: 'error', db: 'down' });
      expect(health.ms).toBeLessThan(3000);
    }
    await sleep(Math.max(0, 2000 - (Date.now() - down)));

    cluster.startServer();
    const until = Date.now() + 30_000;
    const healthy = [false, false];
    while (Date.now() < until && healthy.includes(false)) {
      for (const [i, app] of [a, b].entries()) {
        if (!healthy[i]) healthy[i] = (await timedGet(`${app.base}/healthz`).catch(() => ({ status: 0 }))).status === 200;
      }
      await sleep(200);
    }
    expect(healthy, 'both instances see the database again by themselves').toEqual([true, true]);
    await sleep(1000);
    await Promise.all(loads.map((l) => l.stop()));

    for (const [i, app] of [a, b].entries()) {
      expect(app.proc.exitCode, `instance ${i + 1} is still running: ${app.output()}`).toBeNull();
      expect(app.output()).not.toMatch(/TypeError|uncaught/i);
      const home = await timedGet(`${app.base}/`, cookies[i]);
      expect(home.status, `the session written before the restart still works: ${home.body.slice(0, 300)}`).toBe(200);
      const load = loads[i]!;
      expect(load.failures, 'no request was left hanging or cut off').toEqual([]);
      expect(new Set(load.statuses), 'users saw pages or the 503 page, never a 500').toEqual(new Set([200, 503]));
      expect(load.statuses.at(-1)).toBe(200);
    }
  }, 240_000);
});
