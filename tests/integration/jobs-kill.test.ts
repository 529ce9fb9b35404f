/**
 * kill -9 of the instance running a job, with two app processes (`npm start`) on one PostgreSQL:
 * the other instance takes the job over once the lease (2 s here) has expired and finishes it; the
 * two attempts never overlap, and the dead attempt wrote nothing after its last step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, schema } from '@painel/core/testing';
import { asc, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { jobSteps } from '../fixture-plugin/src/schema.ts';
import { type AppProcess, freePort, loginTo, startAppProcess, waitHealthy } from '../support/app-process.ts';
import { testAppRole, withDatabase } from '../support/templates.ts';
import { postgresServerUrl } from '../support/test-db.ts';
import { waitFor } from './jobs-helpers.ts';

const fixturePath = fileURLToPath(new URL('../fixture-plugin/src/index.ts', import.meta.url));

describe.runIf(postgresServerUrl())('a job survives kill -9 of its instance (two instances, PostgreSQL)', () => {
  const name = `painel_jobs_kill_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const server = postgresServerUrl();
  const apps: AppProcess[] = [];

  afterAll(async () => {
    for (const app of apps) if (app.proc.exitCode === null) app.proc.kill('SIGKILL');
    await Promise.all(apps.map((a) => a.exited));
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('is resumed by the other instance after its lease expires, never run by two at once', { timeout: 240_000 }, async () => {
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}" template "${inject('postgresTemplate')}"`);
    await admin.end();
    const url = withDatabase(server, name);
    const env = { DATABASE_URL: url, PLUGINS: fixturePath, JOB_LEASE_SECONDS: '2', DEMO_DATA: 'false' };
    // One after the other: the first applies the fixture plugin's migrations.
    const a = startAppProcess(env, await freePort());
    apps.push(a);
    await waitHealthy(a);
    const b = startAppProcess(env, await freePort());
    apps.push(b);
    await waitHealthy(b);

    const cookie = await loginTo(a, 'clinica@demo.test');
    const res = await fetch(`${a.base}/p/fixture-plugin/tarefas`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: a.base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ etapas: '30', intervalo: '150' }),
    });
    expect(res.status).toBe(303);
    const id = res.headers.get('location')!.split('/').pop()!;

    const db = await openDatabase({ url, appRole: testAppRole, poolSize: 2 });
    try {
      const job = () => db.scoped({ kind: 'platform' }, async (tx) => (await tx.select().from(schema.jobs).where(eq(schema.jobs.id, id)))[0]!);
      const steps = () => db.scoped({ kind: 'platform' }, (tx) => tx.select().from(jobSteps).where(eq(jobSteps.jobId, id)).orderBy(asc(jobSteps.id)));
      await waitFor(steps, (s) => s.length >= 3, 30_000);
      const running = await job();
      expect(running).toMatchObject({ state: 'running', attempts: 1 });
      const victim = apps.find((app) => running.worker?.endsWith(`:${app.proc.pid}`))!;
      const survivor = apps.find((app) => app !== victim)!;
      expect(victim).toBeDefined();
      victim.proc.kill('SIGKILL');
      await victim.exited;
      const killedAt = Date.now();

      const done = await waitFor(job, (j) => j.state === 'succeeded', 60_000);
      expect(done).toMatchObject({ attempts: 2, percent: 100, message: 'Etapa 30 de 30', worker: expect.stringContaining(`:${survivor.proc.pid}`) });
      const all = await steps();
      const first = all.filter((s) => s.attempt === 1);
      const second = all.filter((s) => s.attempt === 2);
      expect(new Set(first.map((s) => s.worker))).toEqual(new Set([String(victim.proc.pid)]));
      expect(new Set(second.map((s) => s.worker))).toEqual(new Set([String(survivor.proc.pid)]));
      expect(second.map((s) => s.step)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      // Never two at once: the takeover's first step comes after the dead attempt's last one,
      // and not before the lease ran out.
      expect(second[0]!.at.getTime()).toBeGreaterThan(first.at(-1)!.at.getTime());
      expect(second[0]!.at.getTime()).toBeGreaterThanOrEqual(killedAt - 50);
      expect(all.every((s) => s.attempt <= 2)).toBe(true);
    } finally {
      await db.close();
    }
  });
});

/** The same on PGlite: one instance (PGlite is one process's database), killed and started again. */
describe('a job survives kill -9 of its only instance (PGlite, restart)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'painel-jobs-kill-'));
  const apps: AppProcess[] = [];

  afterAll(async () => {
    for (const app of apps) if (app.proc.exitCode === null) app.proc.kill('SIGKILL');
    await Promise.all(apps.map((a) => a.exited));
    rmSync(dir, { recursive: true, force: true });
  });

  it('is resumed after the restart as the next attempt', { timeout: 300_000 }, async () => {
    const env = { DATA_DIR: dir, PLUGINS: fixturePath, JOB_LEASE_SECONDS: '2' };
    const first = startAppProcess(env, await freePort());
    apps.push(first);
    await waitHealthy(first, 180_000);
    const cookie = await loginTo(first, 'clinica@demo.test');
    const res = await fetch(`${first.base}/p/fixture-plugin/tarefas`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: first.base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ etapas: '20', intervalo: '200' }),
    });
    const id = res.headers.get('location')!.split('/').pop()!;
    const progress = async (app: AppProcess, session: string) =>
      (await fetch(`${app.base}/tarefas/${id}`, { headers: { cookie: session, 'hx-request': 'true' } })).text();
    await waitFor(() => progress(first, cookie), (html) => /Etapa [3-9] de 20/.test(html), 30_000);
    first.proc.kill('SIGKILL');
    await first.exited;

    const second = startAppProcess(env, await freePort());
    apps.push(second);
    await waitHealthy(second, 180_000);
    const again = await loginTo(second, 'clinica@demo.test');
    const done = await waitFor(() => progress(second, again), (html) => html.includes('data-state="succeeded"'), 60_000);
    expect(done).toContain('Progresso: 100% — Etapa 20 de 20');
    expect(done).toContain('tentativa 2 de 3');
  });
});
