/**
 * Validation versions (issue 15): a version is loaded by its job through the bulk load, with progress,
 * refused rows listed with their reason; a failed load leaves nothing staged; the daily job expires a
 * version after its 15 days (fake clock), drops its staging and audits it. The demo's version of base
 * 1001 is what the homologation tests read.
 */
import { prevalidation, versions } from '@painel/migration';
import type { PluginContext } from '@painel/core/plugin';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, startMigrationApp } from './migration-harness.ts';

const PATIENTS = 1_234;

/** Patients from the generator (all valid), and prontuários with three rows the loader must refuse. */
let failNext = false;
const source: versions.VersionSource = async () => {
  if (failNext) {
    failNext = false;
    return {
      chunkRows: 100,
      entities: {
        pacientes: (async function* () {
          yield* versions.tableRows(prevalidation.generator.patients({ rows: 250 }));
          throw new Error('Arquivo confirmado ilegível na linha 252.');
        })(),
      },
    };
  }
  const broken = (async function* (): AsyncGenerator<versions.StagedInput> {
    yield { line: 2, source: { Data: '01/02/2024', Texto: 'Evolução' }, values: { data: '2024-02-01', texto: 'Evolução' } };
    yield { line: 2, source: { Data: '02/02/2024' }, values: { data: '2024-02-02' } };
    yield { line: 4, source: { Texto: 'com \u0000 no meio' }, values: { texto: 'com \u0000 no meio' } };
    yield { line: 5, source: { Texto: 'sem valores' }, values: null as unknown as Record<string, unknown> };
    yield { line: 6, source: { Data: '03/02/2024', Texto: 'Última' }, values: { data: '2024-02-03', texto: 'Última' } };
  })();
  return {
    entities: { pacientes: versions.tableRows(prevalidation.generator.patients({ rows: PATIENTS, convenios: 10 })), prontuarios: broken },
    expected: { pacientes: PATIENTS, prontuarios: 5 },
  };
};

describe.each(testDrivers())('validation versions on %s', (driver) => {
  let t: MigrationTestApp;
  let ctx: PluginContext<unknown>;
  let request: { resellerId: number; clinicId: number; id: number };

  beforeAll(async () => {
    t = await startMigrationApp(driver, { versionSource: source });
    ctx = t.host.get('migration')!.context;
    const [r] = await platformRows<{ resellerId: number; clinicId: number; id: number }>(
      t,
      sql`select reseller_id::int as "resellerId", clinic_id::int as "clinicId", id::int as id from migration.requests where clinic_id = 1002 order by id limit 1`,
    );
    request = r!;
  });
  afterAll(async () => {
    await t?.close();
  });

  const runJobs = async () => {
    for (let i = 0; i < 5; i++) await t.host.scheduler.tickOnce();
  };
  const versionRow = async (id: number) =>
    (await platformRows<{ state: string; number: number; counts: Record<string, unknown>; error: string | null }>(t, sql`select state, number, counts, error from migration.versions where id = ${id}`))[0]!;
  const stagedCount = async (id: number) => (await platformRows<{ n: number }>(t, sql`select count(*)::int as n from migration.staged_rows where version_id = ${id}`))[0]!.n;

  it('loads version 1 in a job with progress; refused rows are listed with their reason', async () => {
    const version = await versions.startVersion(ctx, request, { userId: null, name: 'Equipe' });
    expect(version).toMatchObject({ number: 1, state: 'carregando' });
    await runJobs();
    const job = await ctx.jobs.get(version.jobId);
    expect(job).toMatchObject({ state: 'succeeded', percent: 100 });
    expect(job!.message).toBe('Versão carregada: 1.236 linhas, 3 recusadas');
    expect(await versionRow(version.id)).toMatchObject({
      state: 'aberta',
      counts: { pacientes: { valid: PATIENTS, staged: PATIENTS, rejected: 0 }, prontuarios: { valid: 5, staged: 2, rejected: 3 } },
    });
    expect(await stagedCount(version.id)).toBe(PATIENTS + 2);
    const rejects = await platformRows<{ source_line: number; reason: string }>(t, sql`select source_line, reason from migration.version_rejects where version_id = ${version.id} order by id`);
    expect(rejects).toEqual([
      { source_line: 2, reason: 'Linha repetida ou fora de ordem (a linha 2 já foi carregada).' },
      { source_line: 4, reason: 'O texto contém o caractere NUL (\\0), que o banco de dados não aceita.' },
      { source_line: 5, reason: 'A linha não tem os valores da origem e os normalizados.' },
    ]);
    // Normalised values next to the source row: the CPF in digits, the birth date in ISO.
    const [first] = await platformRows<{ source: Record<string, string>; data: Record<string, string> }>(
      t,
      sql`select source, data from migration.staged_rows where version_id = ${version.id} and entity = 'pacientes' order by source_line limit 1`,
    );
    expect(first!.data.cpf).toBe(first!.source.CPF!.replace(/\D/g, ''));
    expect(first!.data.data_nascimento).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const audit = await platformRows<{ details: Record<string, unknown> }>(t, sql`select details from audit_log where action = 'migration.version.loaded' and clinic_id = 1002`);
    expect(audit.map((a) => a.details)).toEqual([expect.objectContaining({ version: 1, stagedRows: PATIENTS + 2, rejectedRows: 3 })]);
  });

  it('marks a failed load and leaves nothing of it staged, though chunks had committed', async () => {
    failNext = true;
    const version = await versions.startVersion(ctx, request, { userId: null, name: 'Equipe' });
    await runJobs();
    const job = await ctx.jobs.get(version.jobId);
    expect(job).toMatchObject({ state: 'failed', error: 'Arquivo confirmado ilegível na linha 252.' });
    expect(await versionRow(version.id)).toMatchObject({ number: 2, state: 'falhou', error: 'Arquivo confirmado ilegível na linha 252.' });
    expect(await stagedCount(version.id)).toBe(0);
  });

  it('expires a version after its 15 days with the daily job (fake clock) and drops its staging, but keeps the approved one', async () => {
    const [open] = await platformRows<{ id: number }>(t, sql`select id::int from migration.versions where clinic_id = 1002 and number = 1`);
    const start = t.clock.now();
    // Version 3, approved: the final package is built from its rows, so it outlives its 15 days (retention deletes it after closing).
    const approved = await versions.startVersion(ctx, request, { userId: null, name: 'Equipe' });
    await runJobs();
    await t.db.scoped({ kind: 'platform' }, (tx) => t.db.query(tx, sql`update migration.requests set approved_version_id = ${approved.id} where id = ${request.id}`));
    const day = 86_400_000;
    const expiryRuns = async () => (await t.host.scheduler.tickOnce()).filter((o) => o.owner === 'migration' && o.kind === versions.EXPIRY_JOB);
    t.clock.set(new Date(start.getTime() + 14 * day));
    expect((await expiryRuns()).map((o) => o.state)).toEqual(['succeeded']);
    expect(await versionRow(open!.id)).toMatchObject({ state: 'aberta' });
    expect(await stagedCount(open!.id)).toBe(PATIENTS + 2);
    t.clock.set(new Date(start.getTime() + 16 * day));
    expect((await expiryRuns()).map((o) => o.state)).toEqual(['succeeded']);
    expect(await versionRow(open!.id)).toMatchObject({ state: 'expirada', counts: { pacientes: { staged: PATIENTS } } });
    expect(await stagedCount(open!.id)).toBe(0);
    expect((await platformRows<{ n: number }>(t, sql`select count(*)::int as n from migration.version_rejects where version_id = ${open!.id}`))[0]!.n).toBe(0);
    expect(await versionRow(approved.id)).toMatchObject({ number: 3, state: 'aberta' });
    expect(await stagedCount(approved.id)).toBe(PATIENTS + 2);
    const audit = await platformRows<{ details: Record<string, unknown> }>(t, sql`select details from audit_log where action = 'migration.version.expired' and clinic_id = 1002 order by id`);
    expect(audit.map((a) => a.details)).toContainEqual(expect.objectContaining({ version: 1, droppedRows: PATIENTS + 2 }));
  });
});
