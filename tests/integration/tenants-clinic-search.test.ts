/**
 * The keyword search of "Bases clínicas" goes through clinic_search() (tenants migration 0003), a
 * SECURITY DEFINER function that reads "clinics" past row-level security so the trigram index can
 * serve it. These tests hold it to the verified scope, to the matching rules of the regex search it
 * replaced, and to its cap of 1,000 counted matches.
 */
import { type Database, schema, type TenantScope } from '@painel/core/testing';
import { accentInsensitivePattern, foldWord } from '@painel/tenants';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { openTestDatabase, testDrivers } from '../support/test-db.ts';

const { clinics, resellers } = schema;

const NAMES = [
  'Clínica São Lucas',
  'CLINICA SAO LUCAS II',
  'clinica sao lucas centro',
  'Ótica & Visão 100%',
  'Centro_Médico Ñandu',
  'Pediatria Jardim América',
  'Odonto Açaí',
  'Lab. Análises (Norte)',
];
const WORDS = ['clínica', 'CLINICA', 'sao', 'lucas', 'ii', 'visao', '100%', '%', '_', 'centro_', 'nandu', 'ñ', 'america', 'acai', 'lab.', '(norte)', 'x'];

async function resellerIdOf(db: Database, code: string): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select().from(resellers).where(eq(resellers.code, code)));
  if (!row) throw new Error(`no reseller ${code}`);
  return row.id;
}

describe.each(testDrivers())('clinic_search(): the keyword search under a verified scope on %s', (driver) => {
  let db: Database;
  let t: TestApp;
  let demoId: number;
  let vizinhaId: number;
  const ownIds: number[] = [];
  const neighbourIds: number[] = [];

  const search = (scope: TenantScope, words: string[], resellerId: number | null = null, status: string | null = null) =>
    db.scoped(scope, (tx) =>
      db.query<{ reseller_id: string; id: string; total: string }>(
        tx,
        sql`select reseller_id, id, total from clinic_search(array[${sql.join(words.map((w) => sql`${foldWord(w)}`), sql`, `)}]::text[], ${resellerId}::bigint, ${status}::text) order by ord`,
      ),
    );
  const idsOf = (rows: Array<{ id: string }>) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    t = await createTestApp(db);
    demoId = await resellerIdOf(db, '0101');
    vizinhaId = await resellerIdOf(db, '0202');
    await db.scoped({ kind: 'platform' }, async (tx) => {
      for (const [i, name] of NAMES.entries()) {
        ownIds.push(900_100 + i);
        neighbourIds.push(900_200 + i);
        await tx.insert(clinics).values({ resellerId: demoId, id: 900_100 + i, name });
        await tx.insert(clinics).values({ resellerId: vizinhaId, id: 900_200 + i, name });
      }
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('never gives a reseller admin another singular’s bases, even when asked for that singular', async () => {
    const own = await search({ kind: 'reseller', resellerId: demoId }, ['lucas']);
    expect(idsOf(own)).toEqual(ownIds.slice(0, 3));
    expect(own.every((r) => Number(r.reseller_id) === demoId)).toBe(true);
    expect(await search({ kind: 'reseller', resellerId: demoId }, ['lucas'], vizinhaId)).toEqual([]);
    const platform = await search({ kind: 'platform' }, ['lucas']);
    expect(idsOf(platform)).toEqual([...ownIds.slice(0, 3), ...neighbourIds.slice(0, 3)]);
    expect(idsOf(await search({ kind: 'platform' }, ['lucas'], vizinhaId))).toEqual(neighbourIds.slice(0, 3));
  });

  it('gives nothing to a scope that is not platform or reseller', async () => {
    const clinicId = ownIds[0]!;
    const user = await db.scoped({ kind: 'platform' }, async (tx) => (await tx.select({ id: schema.users.id }).from(schema.users).limit(1))[0]!.id);
    for (const scope of [
      { kind: 'none' },
      { kind: 'auth' },
      { kind: 'user', userId: user },
      { kind: 'support', userId: user },
      { kind: 'clinic', resellerId: demoId, clinicId },
    ] satisfies TenantScope[]) {
      expect(await search(scope, ['lucas']), scope.kind).toEqual([]);
    }
  });

  it('finds exactly what the accent- and case-insensitive regex search found, word by word and combined', async () => {
    const scope: TenantScope = { kind: 'reseller', resellerId: demoId };
    const viaRegex = async (words: string[]) =>
      db.scoped(scope, async (tx) => {
        const rows = await tx
          .select({ id: clinics.id })
          .from(clinics)
          .where(sql.join([sql`${clinics.resellerId} = ${demoId}`, ...words.map((w) => sql`${clinics.name} ~ ${accentInsensitivePattern(w)}`)], sql` and `));
        return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
      });
    for (const word of WORDS) expect(idsOf(await search(scope, [word])), word).toEqual(await viaRegex([word]));
    for (const words of [['sao', 'LUCAS'], ['lucas', 'centro'], ['visão', '100%'], ['clinica', 'x']]) {
      expect(idsOf(await search(scope, words)), words.join(' ')).toEqual(await viaRegex(words));
    }
  });

  it('filters by situação inside the search', async () => {
    await db.scoped({ kind: 'platform' }, (tx) => tx.update(clinics).set({ status: 'inactive' }).where(eq(clinics.id, ownIds[1]!)));
    const scope: TenantScope = { kind: 'reseller', resellerId: demoId };
    expect(idsOf(await search(scope, ['lucas'], null, 'inactive'))).toEqual([ownIds[1]]);
    expect(idsOf(await search(scope, ['lucas'], null, 'active'))).toEqual([ownIds[0], ownIds[2]]);
    await db.scoped({ kind: 'platform' }, (tx) => tx.update(clinics).set({ status: 'active' }).where(eq(clinics.id, ownIds[1]!)));
  });

  it('counts up to 1,000 matches: the screen says "Mais de 1.000" and pages over the first 1,000', async () => {
    await db.scoped({ kind: 'platform' }, (tx) =>
      tx.insert(clinics).values(Array.from({ length: 1_005 }, (_, i) => ({ resellerId: demoId, id: 910_000 + i, name: `Zeta Volume ${String(i).padStart(4, '0')}` }))),
    );
    const rows = await search({ kind: 'reseller', resellerId: demoId }, ['zeta volume']);
    expect(rows).toHaveLength(1_001);
    expect(Number(rows[0]!.total)).toBe(1_001);
    const cookie = await t.session('singular@demo.test');
    const first = await (await t.request('/bases?q=zeta+volume', { cookie })).text();
    expect(first).toContain('Mais de 1.000 bases encontradas');
    const last = await (await t.request('/bases?q=zeta+volume&pagina=20', { cookie })).text();
    const lastIds = [...last.matchAll(/data-base-id="(\d+)"/g)].map((m) => Number(m[1]));
    expect(lastIds).toHaveLength(50);
    expect(lastIds.at(-1)).toBe(910_999);
    const beyond = await (await t.request('/bases?q=zeta+volume&pagina=21', { cookie })).text();
    expect([...beyond.matchAll(/data-base-id="(\d+)"/g)].map((m) => Number(m[1])).at(-1)).toBe(910_999);
  });
});
