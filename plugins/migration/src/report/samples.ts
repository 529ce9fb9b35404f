/**
 * The records a version's mirror test samples, per entity: a few at random (the same ones on every
 * view: lines picked by a generator seeded with the version), the records the test plan chose (its
 * lines, found in the source or staged values), and edge cases — accents, the longest text, blank
 * optional fields, the earliest and latest dates.
 */
import type { Db } from '@painel/core/plugin';
import { and, asc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import { stagedRows } from '../db/schema.ts';
import { ENTITIES, type EntityKey } from '../prevalidation/entities.ts';
import { seeded } from '../prevalidation/generator/random.ts'; // the same version gives the same random lines

export const SAMPLE_REASONS = {
  aleatoria: 'Aleatória',
  plano: 'Escolhida no plano de testes',
  acentos: 'Acentos',
  texto_longo: 'Texto longo',
  campos_vazios: 'Campos opcionais em branco',
  data_minima: 'Data mais antiga',
  data_maxima: 'Data mais recente',
} as const;
export type SampleReason = keyof typeof SAMPLE_REASONS;

export interface Sample {
  entity: EntityKey;
  sourceLine: number;
  reasons: SampleReason[];
  source: Record<string, string>;
  data: Record<string, unknown>;
}

export const RANDOM_PER_ENTITY = 3;
const LONG_TEXT = 200;
const MAX_CHOSEN = 20;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The test plan's chosen records: one per line. */
export const chosenRecords = (mirrorRecords: string | undefined): string[] =>
  (mirrorRecords ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length >= 2)
    .slice(0, MAX_CHOSEN);

export async function samplesOf(tx: Db, v: { resellerId: number; id: number }, entities: readonly EntityKey[], chosen: readonly string[]): Promise<Sample[]> {
  const found = new Map<string, Sample>();
  const add = (rows: Array<{ entity: EntityKey; sourceLine: number; source: Record<string, string>; data: Record<string, unknown> }>, reason: SampleReason) => {
    for (const r of rows) {
      const key = `${r.entity}:${r.sourceLine}`;
      const s = found.get(key) ?? { ...r, reasons: [] };
      if (!s.reasons.includes(reason)) s.reasons.push(reason);
      found.set(key, s);
    }
  };
  const cols = { entity: stagedRows.entity, sourceLine: stagedRows.sourceLine, source: stagedRows.source, data: stagedRows.data };
  const of = (entity: EntityKey, ...more: Array<SQL | undefined>) => and(eq(stagedRows.resellerId, v.resellerId), eq(stagedRows.versionId, v.id), eq(stagedRows.entity, entity), ...more);
  const first = (entity: EntityKey, where: SQL, order: SQL = asc(stagedRows.sourceLine)) => tx.select(cols).from(stagedRows).where(of(entity, where)).orderBy(order).limit(1);

  for (const entity of entities) {
    const [{ last } = { last: null }] = await tx.select({ last: max(stagedRows.sourceLine) }).from(stagedRows).where(of(entity));
    if (last === null) continue;
    const next = seeded(v.id * 7919 + entities.indexOf(entity));
    const lines = [...new Set(Array.from({ length: RANDOM_PER_ENTITY * 8 }, () => 1 + Math.floor(next() * last)))];
    const random = await tx.select(cols).from(stagedRows).where(of(entity, inArray(stagedRows.sourceLine, lines))).limit(RANDOM_PER_ENTITY * 8);
    const rank = new Map(lines.map((l, i) => [l, i]));
    add(random.sort((a, b) => rank.get(a.sourceLine)! - rank.get(b.sourceLine)!).slice(0, RANDOM_PER_ENTITY), 'aleatoria');

    for (const text of chosen) {
      const like = `%${escapeLike(text)}%`;
      add(await first(entity, sql`(${stagedRows.source}::text ilike ${like} or ${stagedRows.data}::text ilike ${like})`), 'plano');
    }
    add(await first(entity, sql`${stagedRows.data}::text ~ '[À-ÖØ-öø-ÿ]'`), 'acentos');
    add(await first(entity, sql`exists (select 1 from jsonb_each_text(${stagedRows.data}) e where length(e.value) >= ${LONG_TEXT})`), 'texto_longo');
    add(await first(entity, sql`exists (select 1 from jsonb_each_text(${stagedRows.source}) e where btrim(e.value) = '')`), 'campos_vazios');
    const dateField = ENTITIES[entity].fields.find((f) => f.kind === 'data' || f.kind === 'data_hora');
    if (dateField) {
      const value = sql`(${stagedRows.data} ->> ${dateField.key})`;
      const isDate = sql`${value} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'`;
      add(await first(entity, isDate, sql`${value} asc, ${stagedRows.sourceLine} asc`), 'data_minima');
      add(await first(entity, isDate, sql`${value} desc, ${stagedRows.sourceLine} asc`), 'data_maxima');
    }
  }
  return [...found.values()];
}

/** Rows actually staged per entity of a version. */
export async function stagedCounts(tx: Db, v: { resellerId: number; id: number }): Promise<Partial<Record<EntityKey, number>>> {
  const rows = await tx
    .select({ entity: stagedRows.entity, n: sql<number>`count(*)::int` })
    .from(stagedRows)
    .where(and(eq(stagedRows.resellerId, v.resellerId), eq(stagedRows.versionId, v.id)))
    .groupBy(stagedRows.entity);
  return Object.fromEntries(rows.map((r) => [r.entity, Number(r.n)]));
}
