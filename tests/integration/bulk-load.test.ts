import { BulkLoadError, type PluginContext } from '@painel/core/plugin';
import { type Database, schema } from '@painel/core/testing';
import { asc, count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fixturePlugin from '../fixture-plugin/src/index.ts';
import { stagedRows } from '../fixture-plugin/src/schema.ts';
import { createPluginTestApp, type PluginTestApp } from '../fixture-plugin/harness.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const columns = ['reseller_id', 'clinic_id', 'label', 'amount', 'ratio', 'active', 'due_on', 'happened_at', 'doc', 'raw'] as const;

async function* generate<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

describe.each(testDrivers())('copyInto (bulk load) on %s', (driver) => {
  let db: Database;
  let t: PluginTestApp;
  let ctx: PluginContext;
  let demo: number;
  let vizinha: number;
  const centro = 1001;
  const vizinhaClinic = 2001;

  const inCentro = <T>(fn: Parameters<PluginContext['scoped']>[1] extends (tx: infer D) => unknown ? (tx: D) => Promise<T> : never) =>
    ctx.scoped({ kind: 'clinic', resellerId: demo, clinicId: centro }, fn);
  const stagedCount = async () =>
    Number((await ctx.platformScoped('contar as linhas carregadas no teste', (tx) => tx.select({ n: count() }).from(stagedRows)))[0]!.n);
  const clear = () => ctx.platformScoped('limpar a tabela de carga do teste', (tx) => tx.execute(sql`delete from fixture_plugin.staged_rows`));

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createPluginTestApp(db, [fixturePlugin]);
    ctx = t.host.get('fixture-plugin')!.context;
    const resellers = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ id: schema.resellers.id, code: schema.resellers.code }).from(schema.resellers));
    demo = resellers.find((r) => r.code === '0101')!.id;
    vizinha = resellers.find((r) => r.code === '0202')!.id;
  });
  afterAll(async () => {
    await t?.host.stop();
    await db?.close();
  });

  it('loads tricky values exactly: NULL vs empty text, tabs, newlines, backslashes, dates, numbers, booleans, jsonb, bytes', async () => {
    await clear();
    const at = new Date('2026-03-02T12:34:56.789Z');
    const rows: unknown[][] = [
      [demo, centro, '', '0', 0, false, '2026-03-02', at, { a: 'x\ty', b: [1, null, '\\', 'linha\nnova'], c: 'aspas "duplas"' }, new Uint8Array([0, 1, 92, 9, 255])],
      [demo, centro, null, null, null, null, null, null, null, null],
      [demo, centro, 'tab\taqui', 12345.67, 0.1, true, new Date('2026-12-31T00:00:00Z'), at, [1, 'dois', { três: 3 }], new Uint8Array([])],
      [demo, centro, 'quebra\nde linha\r\ne CR', '-0.5', Number.POSITIVE_INFINITY, true, '2024-02-29', '2026-03-02T09:00:00-03:00', '"texto json"', null],
      [demo, centro, 'barra \\ invertida e \\N literal e \\t', 99999999999.99, Number.NaN, false, '1999-01-01', null, { vazio: '' }, null],
      [demo, centro, 'ção, emoji 😀, aspas \'simples\' e "duplas"; vírgula', 10n, -1e-7, null, null, null, true, null],
    ];
    const loaded = await inCentro((tx) => ctx.copyInto(tx, stagedRows, columns, generate(rows)));
    expect(loaded).toBe(rows.length);

    const back = await inCentro((tx) =>
      tx
        .select({
          label: stagedRows.label,
          amount: stagedRows.amount,
          ratio: stagedRows.ratio,
          active: stagedRows.active,
          dueOn: stagedRows.dueOn,
          happenedAt: stagedRows.happenedAt,
          doc: stagedRows.doc,
          raw: sql<string | null>`encode(${stagedRows.raw}, 'hex')`,
        })
        .from(stagedRows)
        .orderBy(asc(stagedRows.id)),
    );
    expect(back.map((r) => r.label)).toEqual(rows.map((r) => r[2]));
    expect(back.map((r) => r.amount)).toEqual(['0.00', null, '12345.67', '-0.50', '99999999999.99', '10.00']);
    expect(back.map((r) => r.ratio)).toEqual([0, null, 0.1, Number.POSITIVE_INFINITY, Number.NaN, -1e-7]);
    expect(back.map((r) => r.active)).toEqual([false, null, true, true, false, null]);
    expect(back.map((r) => r.dueOn)).toEqual(['2026-03-02', null, '2026-12-31', '2024-02-29', '1999-01-01', null]);
    expect(back.map((r) => r.happenedAt?.toISOString() ?? null)).toEqual([
      at.toISOString(),
      null,
      at.toISOString(),
      '2026-03-02T12:00:00.000Z',
      null,
      null,
    ]);
    expect(back.map((r) => r.doc)).toEqual([rows[0]![8], null, rows[2]![8], 'texto json', { vazio: '' }, true]);
    expect(back.map((r) => r.raw)).toEqual(['00015c09ff', null, '', null, null, null]);
  });

  it('refuses a NUL character with a clear message and keeps nothing of the load', async () => {
    await clear();
    const rows = [
      [demo, centro, 'boa', null, null, null, null, null, null, null],
      [demo, centro, 'ruim\u0000aqui', null, null, null, null, null, null, null],
    ];
    const error = await inCentro((tx) => ctx.copyInto(tx, stagedRows, columns, generate(rows))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkLoadError);
    expect((error as Error).message).toBe(
      'Linha 2, coluna "label": o texto contém o caractere NUL (\\0), que o PostgreSQL não aceita. Remova-o e carregue de novo.',
    );
    const inJson = await inCentro((tx) =>
      ctx.copyInto(tx, stagedRows, ['reseller_id', 'clinic_id', 'doc'], generate([[demo, centro, { a: ['x\u0000'] }]])),
    ).catch((e: unknown) => e);
    expect((inJson as Error).message).toMatch(/^Linha 1, coluna "doc": o texto contém o caractere NUL/);
    expect(await stagedCount()).toBe(0);
  });

  it('refuses a row of the wrong length', async () => {
    const error = await inCentro((tx) => ctx.copyInto(tx, stagedRows, ['reseller_id', 'clinic_id'], [[demo, centro], [demo]])).catch((e: unknown) => e);
    expect((error as Error).message).toBe('Linha 2: esperava 2 valores (reseller_id, clinic_id), recebeu 1.');
    expect(await stagedCount()).toBe(0);
  });

  it('keeps row-level security: rows of another tenant are refused and the whole load is undone', async () => {
    await clear();
    const rows = [
      [demo, centro, 'minha'],
      [vizinha, vizinhaClinic, 'de outra singular'],
    ];
    const error = await inCentro((tx) => ctx.copyInto(tx, stagedRows, ['reseller_id', 'clinic_id', 'label'], generate(rows))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkLoadError);
    expect((error as Error).message).toBe(
      'Alguma linha não pertence ao escopo desta transação (segurança por linha de "fixture_plugin.staged_rows"). Nada foi carregado.',
    );
    // Another base of the same singular is outside the clinic scope too.
    const sibling = await inCentro((tx) => ctx.copyInto(tx, stagedRows, ['reseller_id', 'clinic_id', 'label'], [[demo, 1002, 'base vizinha']])).catch(
      (e: unknown) => e,
    );
    expect((sibling as Error).message).toMatch(/segurança por linha/);
    expect(await stagedCount()).toBe(0);
    // The same rows in the reseller scope of their own singular load.
    const own = await ctx.scoped({ kind: 'reseller', resellerId: vizinha }, (tx) =>
      ctx.copyInto(tx, stagedRows, ['reseller_id', 'clinic_id', 'label'], [[vizinha, vizinhaClinic, 'de outra singular']]),
    );
    expect(own).toBe(1);
  });

  it("refuses tables outside the plugin's own schema, unknown tables and columns", async () => {
    const attempt = (table: Parameters<PluginContext['copyInto']>[1], cols: string[] = ['id']) =>
      inCentro((tx) => ctx.copyInto(tx, table, cols, [])).then(
        () => new Error('carregou'),
        (e: unknown) => e as Error,
      );
    expect((await attempt('public.users')).message).toBe(
      'A carga em massa só grava no schema do próprio plugin ("fixture_plugin"): a tabela "public.users" está fora dele.',
    );
    expect((await attempt(schema.clinics)).message).toBe(
      'A carga em massa só grava no schema do próprio plugin ("fixture_plugin"): a tabela "public.clinics" está fora dele.',
    );
    expect((await attempt('nao_existe')).message).toBe('A tabela "fixture_plugin.nao_existe" não existe.');
    expect((await attempt('staged_rows', ['reseller_id', 'cor'])).message).toBe('A tabela "fixture_plugin.staged_rows" não tem a coluna "cor".');
    expect((await attempt('staged_rows; drop table x')).message).toMatch(/^Nome de tabela inválido/);
    expect((await attempt('staged_rows', ['label', 'label'])).message).toBe('A coluna "label" aparece duas vezes na lista.');
  });

  it('streams: 50,000 rows of 1 KB load in batches while the process memory stays flat', async () => {
    await clear();
    const total = 50_000;
    const heap: number[] = [];
    const rss: number[] = [];
    async function* rows() {
      for (let i = 1; i <= total; i++) {
        if (i % 5_000 === 0) {
          const usage = process.memoryUsage();
          heap.push(usage.heapUsed);
          rss.push(usage.rss);
        }
        yield [demo, centro, String(i).padStart(1_000, 'x'), i, i / 7, i % 2 === 0, null, null, null, null];
      }
    }
    const loaded = await inCentro((tx) => ctx.copyInto(tx, stagedRows, columns, rows(), { batchRows: 5_000 }));
    expect(loaded).toBe(total);
    expect(await stagedCount()).toBe(total);
    // From the third sample on (the first batches warm the buffers up), memory grows by far less than
    // the 50 MB the rows would take if they were gathered before loading. The JavaScript heap is where
    // gathered rows would sit, on both drivers; the whole process (RSS) is bounded on PostgreSQL only,
    // because PGlite keeps the database itself in this process (`npm run bench` measures it on a
    // data directory).
    const growth = (samples: number[]) => Math.max(...samples.slice(2)) - samples[2]!;
    expect(growth(heap)).toBeLessThan(24 * 1024 * 1024);
    if (driver === 'postgres') expect(growth(rss)).toBeLessThan(24 * 1024 * 1024);
    const [last] = await inCentro((tx) => tx.select({ label: stagedRows.label }).from(stagedRows).where(eq(stagedRows.amount, `${total}.00`)));
    expect(last?.label).toBe(String(total).padStart(1_000, 'x'));
  }, 120_000);
});
