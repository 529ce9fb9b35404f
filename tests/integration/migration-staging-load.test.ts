/**
 * P5 in small (the CI side of `npm run bench:staging`): a validated patients set streamed into the
 * homologation staging through the version loader stays flat in memory — rows are never gathered —
 * and every row lands, on both drivers.
 */
import { prevalidation, versions } from '@painel/migration';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../support/test-db.ts';
import { type MigrationTestApp, platformRows, startMigrationApp } from './migration-harness.ts';

describe.each(testDrivers())('streaming a validated set into staging on %s', (driver) => {
  let t: MigrationTestApp;
  beforeAll(async () => {
    t = await startMigrationApp(driver);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('loads 30,000 patients of ~2 KB in chunks while the process memory stays flat', async () => {
    const total = 30_000;
    const ctx = t.host.get('migration')!.context;
    const [request] = await platformRows<{ resellerId: number; clinicId: number; id: number }>(
      t,
      sql`select reseller_id::int as "resellerId", clinic_id::int as "clinicId", id::int as id from migration.requests where clinic_id = 1003 order by id limit 1`,
    );
    const version = await ctx.scoped({ kind: 'clinic', resellerId: request!.resellerId, clinicId: request!.clinicId }, (tx) =>
      versions.createVersion(tx, request!, { userId: null, name: 'Teste' }, ctx.clock.now()),
    );
    const heap: number[] = [];
    let textBytes = 0;
    const rss: number[] = [];
    const long = 'Observação longa do sistema legado. '.repeat(28); // ~1 KB in the source and in the values
    async function* rows(): AsyncGenerator<versions.StagedInput> {
      let n = 0;
      for (const row of versions.tableRows(prevalidation.generator.patients({ rows: total }))) {
        if (++n % 3_000 === 0) {
          const usage = process.memoryUsage();
          heap.push(usage.heapUsed);
          rss.push(usage.rss);
        }
        const staged = { line: row.line, source: { ...row.source, Observações: long }, values: { ...row.values, observacoes: long } };
        if (n === 1) textBytes = 2 * (JSON.stringify(staged.source).length + JSON.stringify(staged.values).length); // UTF-16 in the heap
        yield staged;
      }
    }
    const { counts } = await versions.loadVersion(ctx, versions.keyOf(version), { entities: { pacientes: rows() } }, { chunkRows: 6_000, batchRows: 2_000 });
    expect(counts.pacientes).toEqual({ valid: total, staged: total, rejected: 0 });
    const [{ n }] = (await platformRows<{ n: number }>(t, sql`select count(*)::int as n from migration.staged_rows where version_id = ${version.id}`)) as [{ n: number }];
    expect(n).toBe(total);
    // Gathered, the rows' text alone would take `total × textBytes` (~170 MB) of heap; streamed, the
    // growth after warm-up (garbage not yet collected included) stays under a third of it.
    const growth = (samples: number[]) => Math.max(...samples.slice(2)) - samples[2]!;
    expect(total * textBytes).toBeGreaterThan(150 * 1024 * 1024);
    expect(growth(heap)).toBeLessThan((total * textBytes) / 3);
    if (driver === 'postgres') expect(growth(rss)).toBeLessThan(32 * 1024 * 1024);
  }, 240_000);
});
