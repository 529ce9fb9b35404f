/**
 * Durable jobs (core/src/jobs) on both drivers: payload, progress, retries with backoff, timeout,
 * cancel of queued and running jobs, lease takeover with fenced writes, crash recovery, the daily
 * retention job, and a plugin seeing only its own jobs.
 */
import { type Database, definePlugin, schema } from '@painel/core/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { probe } from '../fixture-plugin/src/probe.ts';
import { createPluginTestApp, type PluginTestApp } from '../fixture-plugin/harness.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';
import { enqueueCount, fixtureJobs, jobRow, resellerId, stepsOf, waitFor } from './jobs-helpers.ts';

const minute = 60_000;

/** Another plugin: its `ctx.jobs` must not see the fixture's jobs. */
const neighbour = definePlugin({
  id: 'jobs-neighbour',
  version: '1.0.0',
  displayName: 'Vizinho',
  requires: { core: '^1.0.0' },
  register(r) {
    r.task('noop', async () => {});
  },
});

describe.each(testDrivers())('durable jobs on %s', (driver) => {
  let db: Database;
  let a: PluginTestApp;
  let b: PluginTestApp;
  let demo: number;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    a = await createPluginTestApp(db, [fixturePlugin, neighbour]);
    // A second app instance on the same database (same clock): the other runner.
    b = await createPluginTestApp(db, [fixturePlugin, neighbour], { clock: a.clock, migrate: false });
    demo = await resellerId(db, '0101');
  });
  afterAll(async () => {
    await a?.host.stop();
    await b?.host.stop();
    await db?.close();
  });

  it('runs a job with its payload and records its progress, once', async () => {
    const id = await enqueueCount(a, demo, { steps: 3, stepMs: 1 });
    expect(await fixtureJobs(a).get(id)).toMatchObject({ state: 'queued', percent: 0, attempts: 0, resellerId: demo });
    const outcomes = await Promise.all([a.host.scheduler.tickOnce(), b.host.scheduler.tickOnce()]);
    expect(outcomes.flat().filter((o) => o.id === id)).toEqual([{ id, owner: 'fixture-plugin', kind: 'count-slowly', attempt: 1, state: 'succeeded' }]);
    const job = await fixtureJobs(b).get(id);
    expect(job).toMatchObject({ state: 'succeeded', percent: 100, message: 'Etapa 3 de 3', attempts: 1, error: null });
    expect(job!.finishedAt).toEqual(a.clock.now());
    expect((await stepsOf(db, id)).map((s) => [s.attempt, s.step])).toEqual([
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
  });

  it('retries a failed attempt with exponential backoff, then succeeds', async () => {
    const id = await enqueueCount(a, demo, { steps: 1, stepMs: 1, failOnAttempts: [1, 2] }, { retries: 2, backoffMs: 1_000 });
    expect((await a.host.scheduler.tickOnce()).find((o) => o.id === id)).toMatchObject({ attempt: 1, state: 'queued', error: 'Falha simulada na tentativa 1.' });
    let row = await jobRow(db, id);
    expect(row.runAfter.getTime() - a.clock.now().getTime()).toBe(1_000);
    expect(row).toMatchObject({ state: 'queued', error: 'Falha simulada na tentativa 1.' });
    expect(await a.host.scheduler.tickOnce()).toEqual([]);
    a.clock.advance(1_000);
    expect((await a.host.scheduler.tickOnce()).find((o) => o.id === id)).toMatchObject({ attempt: 2, state: 'queued' });
    row = await jobRow(db, id);
    expect(row.runAfter.getTime() - a.clock.now().getTime()).toBe(2_000);
    a.clock.advance(1_999);
    expect(await b.host.scheduler.tickOnce()).toEqual([]);
    a.clock.advance(1);
    expect((await b.host.scheduler.tickOnce()).find((o) => o.id === id)).toMatchObject({ attempt: 3, state: 'succeeded' });
    expect(await fixtureJobs(a).get(id)).toMatchObject({ state: 'succeeded', attempts: 3, maxAttempts: 3 });
  });

  it('fails with the handler’s pt-BR message once out of attempts', async () => {
    const id = await enqueueCount(a, demo, { steps: 1, stepMs: 1, failOnAttempts: [1] }, { retries: 0 });
    expect((await a.host.scheduler.tickOnce()).find((o) => o.id === id)).toMatchObject({ state: 'failed', error: 'Falha simulada na tentativa 1.' });
    expect(await fixtureJobs(a).get(id)).toMatchObject({ state: 'failed', attempts: 1, error: 'Falha simulada na tentativa 1.' });
  });

  it('aborts an attempt at its timeout and says so', async () => {
    const id = await enqueueCount(a, demo, { steps: 50, stepMs: 50 }, { timeoutMs: 300, retries: 0 });
    const [outcome] = (await a.host.scheduler.tickOnce()).filter((o) => o.id === id);
    expect(outcome).toMatchObject({ state: 'failed', error: 'A tarefa excedeu o tempo limite de 300 ms e foi interrompida.' });
    expect((await stepsOf(db, id)).length).toBeLessThan(50);
  });

  it('cancels a queued job at once: it never runs', async () => {
    const id = await enqueueCount(a, demo, { steps: 1, stepMs: 1 });
    expect(await fixtureJobs(a).cancel(id)).toBe(true);
    expect(await fixtureJobs(a).get(id)).toMatchObject({ state: 'cancelled', message: 'Cancelada.' });
    expect((await a.host.scheduler.tickOnce()).filter((o) => o.id === id)).toEqual([]);
    expect(await stepsOf(db, id)).toEqual([]);
    expect(await fixtureJobs(a).cancel(id)).toBe(false);
  });

  it('cancels a running job from another instance: its signal aborts at the next progress', async () => {
    const id = await enqueueCount(a, demo, { steps: 200, stepMs: 10 });
    const running = a.host.scheduler.tickOnce();
    await waitFor(() => fixtureJobs(b).get(id), (j) => (j?.percent ?? 0) >= 2);
    expect(await fixtureJobs(b).cancel(id)).toBe(true);
    expect((await running).find((o) => o.id === id)).toMatchObject({ state: 'cancelled' });
    const job = await fixtureJobs(a).get(id);
    expect(job).toMatchObject({ state: 'cancelled', message: 'Cancelada.', cancelRequested: true });
    expect((await stepsOf(db, id)).length).toBeLessThan(200);
  });

  it('lets another instance take a job over only once its lease expired; the old runner stops and cannot write', async () => {
    const id = await enqueueCount(a, demo, { steps: 30, stepMs: 1, ignoreSignal: true }, { retries: 2, timeoutMs: 10 * minute });
    // The first runner stalls after its first step (no progress, no heartbeat: a hung instance).
    let resume!: () => void;
    probe.jobGate = new Promise<void>((resolve) => (resume = resolve));
    const first = a.host.scheduler.tickOnce();
    await waitFor(() => stepsOf(db, id), (s) => s.length >= 1);
    // Still inside the lease: the other instance finds nothing to take.
    expect(await b.host.scheduler.tickOnce()).toEqual([]);
    a.clock.advance(a.host.scheduler.leaseMs + 1);
    probe.jobGate = null;
    const second = b.host.scheduler.tickOnce();
    await waitFor(() => jobRow(db, id), (row) => row.attempts === 2);
    resume();
    const [lost] = (await first).filter((o) => o.id === id);
    // The first runner saw its signal abort (progress refused) and its finish was fenced.
    expect(lost).toMatchObject({ attempt: 1, state: 'running', error: expect.stringContaining('perdeu a posse') });
    const [won] = (await second).filter((o) => o.id === id);
    expect(won).toMatchObject({ attempt: 2, state: 'succeeded' });
    const job = await jobRow(db, id);
    expect(job).toMatchObject({ state: 'succeeded', attempts: 2, percent: 100, leaseToken: null });
    const steps = await stepsOf(db, id);
    expect(steps.filter((s) => s.attempt === 2).map((s) => s.step)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });

  it('after a crash resumes the job on another instance, or fails it with a clear message when out of attempts', async () => {
    const resumable = await enqueueCount(a, demo, { steps: 2, stepMs: 1 }, { retries: 1 });
    const exhausted = await enqueueCount(a, demo, { steps: 2, stepMs: 1 }, { retries: 1 });
    const expired = new Date(a.clock.now().getTime() - 1);
    // What a killed instance leaves behind: running rows whose lease ran out.
    await db.scoped({ kind: 'platform' }, async (tx) => {
      await tx
        .update(schema.jobs)
        .set({ state: 'running', attempts: 1, leaseToken: crypto.randomUUID(), leaseUntil: expired, worker: 'morta:1' })
        .where(eq(schema.jobs.id, resumable));
      await tx
        .update(schema.jobs)
        .set({ state: 'running', attempts: 2, leaseToken: crypto.randomUUID(), leaseUntil: expired, worker: 'morta:1' })
        .where(eq(schema.jobs.id, exhausted));
    });
    const outcomes = await b.host.scheduler.tickOnce();
    expect(outcomes.filter((o) => o.id === resumable)).toEqual([{ id: resumable, owner: 'fixture-plugin', kind: 'count-slowly', attempt: 2, state: 'succeeded' }]);
    expect(outcomes.filter((o) => o.id === exhausted)).toEqual([]);
    expect(await fixtureJobs(a).get(exhausted)).toMatchObject({
      state: 'failed',
      attempts: 2,
      error: 'A execução foi interrompida porque a instância que a executava parou (queda ou reinício). Não há mais tentativas.',
    });
  });

  it('shows a plugin only its own jobs, and refuses kinds it did not declare', async () => {
    const id = await enqueueCount(a, demo, { steps: 1, stepMs: 1 });
    const other = a.host.get('jobs-neighbour')!.context.jobs;
    expect(await other.get(id)).toBeNull();
    expect(await other.cancel(id)).toBe(false);
    expect(await fixtureJobs(a).get(id)).toMatchObject({ state: 'queued' });
    await expect(other.enqueue('count-slowly', {})).rejects.toThrow('Tipo de tarefa desconhecido: "jobs-neighbour:count-slowly".');
    await expect(fixtureJobs(a).enqueue('count-slowly', {}, { retries: -1 })).rejects.toThrow(/retries/);
    expect(await fixtureJobs(a).get('não-é-um-id')).toBeNull();
    await fixtureJobs(a).cancel(id);
  });

  it('enqueued inside a transaction that rolls back, the job does not exist', async () => {
    let id = '';
    await expect(
      db.scoped({ kind: 'reseller', resellerId: demo }, async () => {
        id = await enqueueCount(a, demo, { steps: 1, stepMs: 1 });
        throw new Error('desfeito');
      }),
    ).rejects.toThrow('desfeito');
    expect(id).not.toBe('');
    expect(await fixtureJobs(a).get(id)).toBeNull();
  });

  it('lets the enqueuing tenant read its job rows through RLS, and no other tenant', async () => {
    const id = await enqueueCount(a, demo, { steps: 1, stepMs: 1 });
    const vizinha = await resellerId(db, '0202');
    const read = (resellerId: number) =>
      db.scoped({ kind: 'reseller', resellerId }, (tx) => tx.select({ id: schema.jobs.id }).from(schema.jobs).where(eq(schema.jobs.id, id)));
    expect(await read(demo)).toEqual([{ id }]);
    expect(await read(vizinha)).toEqual([]);
    await expect(
      db.scoped({ kind: 'reseller', resellerId: demo }, (tx) => tx.update(schema.jobs).set({ percent: 50 }).where(eq(schema.jobs.id, id)).returning()),
    ).resolves.toEqual([]);
    await fixtureJobs(a).cancel(id);
  });

  it('runs the daily retention at 03:30 Brasília: finished jobs older than 30 days go', async () => {
    const old = await enqueueCount(a, demo, { steps: 1, stepMs: 1 });
    await fixtureJobs(a).cancel(old);
    const recent = await enqueueCount(a, demo, { steps: 1, stepMs: 1 });
    a.clock.advance(31 * 24 * 60 * minute);
    await fixtureJobs(a).cancel(recent);
    // The schedule's first slot is the next 03:30 in São Paulo (06:30 UTC).
    await a.host.scheduler.tickOnce();
    a.clock.set(new Date(Math.ceil(a.clock.now().getTime() / 86_400_000) * 86_400_000 + 6.5 * 60 * minute));
    const outcomes = await a.host.scheduler.tickOnce();
    expect(outcomes.filter((o) => o.kind === 'jobs-retention')).toMatchObject([{ owner: 'core', state: 'succeeded' }]);
    expect(await fixtureJobs(a).get(old)).toBeNull();
    expect(await fixtureJobs(a).get(recent)).toMatchObject({ state: 'cancelled' });
    const [schedule] = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.jobSchedules).where(sql`${schema.jobSchedules.kind} = 'jobs-retention'`),
    );
    expect(schedule!.nextRunAt.getTime() - a.clock.now().getTime()).toBe(24 * 60 * minute);
  });

  it('shows the progress component: bar, message, state and Cancelar; polling stops once finished', async () => {
    const gestor = await a.session('clinica@demo.test');
    const started = await a.request('/p/fixture-plugin/tarefas', { cookie: gestor, form: { etapas: '3', intervalo: '1' } });
    expect(started.status).toBe(303);
    const page = started.headers.get('location')!;
    const id = page.split('/').pop()!;
    const html = await (await a.request(page, { cookie: gestor })).text();
    expect(html).toContain(`<progress id="tarefa-${id}-barra" max="100" value="0">0%</progress>`);
    expect(html).toContain(`<label for="tarefa-${id}-barra">Progresso: 0%</label>`);
    expect(html).toContain(`hx-get="/tarefas/${id}" hx-trigger="every 1s" hx-swap="outerHTML"`);
    expect(html).toContain('Na fila');
    expect(html).toContain(`hx-post="/tarefas/${id}/cancelar"`);
    // Another singular's admin: the job does not exist for them.
    const vizinha = await a.session('vizinha@demo.test');
    expect((await a.request(`/tarefas/${id}`, { cookie: vizinha, headers: { 'hx-request': 'true' } })).status).toBe(404);
    expect((await a.request(`/tarefas/${id}/cancelar`, { cookie: vizinha, method: 'POST', headers: { 'hx-request': 'true' } })).status).toBe(404);
    expect(await fixtureJobs(a).get(id)).toMatchObject({ state: 'queued', userId: expect.any(Number), clinicId: 1001 });

    await a.host.scheduler.tickOnce();
    const done = await (await a.request(`/tarefas/${id}`, { cookie: gestor, headers: { 'hx-request': 'true' } })).text();
    expect(done).toContain('data-state="succeeded"');
    expect(done).toContain('Progresso: 100% — Etapa 3 de 3');
    expect(done).toContain('Concluída');
    expect(done).not.toContain('hx-trigger');
    expect(done).not.toContain('Cancelar');
    expect(done).not.toContain('<html');
  });

  it('cancels from the component (htmx) and writes the audit log', async () => {
    const gestor = await a.session('clinica@demo.test');
    const started = await a.request('/p/fixture-plugin/tarefas', { cookie: gestor, form: { etapas: '3' } });
    const id = started.headers.get('location')!.split('/').pop()!;
    const res = await a.request(`/tarefas/${id}/cancelar`, { cookie: gestor, method: 'POST', headers: { 'hx-request': 'true' } });
    expect(res.status).toBe(200);
    const fragment = await res.text();
    expect(fragment).toContain('data-state="cancelled"');
    expect(fragment).toContain('Cancelada');
    expect(fragment).not.toContain('hx-trigger');
    const audit = await db.scoped({ kind: 'platform' }, (tx) =>
      tx.select().from(schema.auditLog).where(sql`${schema.auditLog.action} = 'job.cancel' and ${schema.auditLog.details}->>'job' = ${id}`),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: 'tarefa fixture-plugin:count-slowly', clinicId: 1001 });
    const bad = await a.request('/p/fixture-plugin/tarefas', { cookie: gestor, form: { etapas: '0' } });
    expect(bad.status).toBe(303);
    expect(bad.headers.get('location')).toBe('/p/fixture-plugin');
  });
});
