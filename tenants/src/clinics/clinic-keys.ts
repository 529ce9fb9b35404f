/**
 * Base ids are unique across ALL singulares, and a CNPJ identifies one base. A reseller admin's
 * transaction cannot see other singulares' bases (row-level security), so these two checks run in
 * the platform scope — justified because they return only key values the caller already holds (which
 * of these ids / CNPJs are taken) or a single number (the next free id), never a row, a name or an
 * owner. The unique index on the base id stays the final word at insert time.
 */
import { type Database, schema } from '@painel/core/module';
import { and, max, ne, or, sql } from 'drizzle-orm';

const { clinics } = schema;

export interface TakenKeys {
  ids: Set<number>;
  cnpjs: Set<string>;
}

/** Which of `ids` / `cnpjs` belong to an existing base (optionally ignoring one base: the one being edited). */
export async function findTakenKeys(
  db: Database,
  keys: { ids: number[]; cnpjs: string[]; exceptId?: number | undefined },
): Promise<TakenKeys> {
  const taken: TakenKeys = { ids: new Set(), cnpjs: new Set() };
  if (keys.ids.length === 0 && keys.cnpjs.length === 0) return taken;
  const ids = keys.ids.join(',');
  const cnpjs = keys.cnpjs.join(',');
  const rows = await db.scoped({ kind: 'platform' }, (tx) =>
    tx
      .select({ id: clinics.id, cnpj: clinics.cnpj })
      .from(clinics)
      .where(
        and(
          or(
            sql`${clinics.id} = any(string_to_array(${ids}, ',')::bigint[])`,
            sql`${clinics.cnpj} = any(string_to_array(${cnpjs}, ','))`,
          ),
          keys.exceptId === undefined ? undefined : ne(clinics.id, keys.exceptId),
        ),
      ),
  );
  const wantedIds = new Set(keys.ids);
  const wantedCnpjs = new Set(keys.cnpjs);
  for (const row of rows) {
    if (wantedIds.has(row.id)) taken.ids.add(row.id);
    if (row.cnpj !== null && wantedCnpjs.has(row.cnpj)) taken.cnpjs.add(row.cnpj);
  }
  return taken;
}

/** The highest base id in use anywhere (0 when there is none). */
export async function highestBaseId(db: Database): Promise<number> {
  const [row] = await db.scoped({ kind: 'platform' }, (tx) => tx.select({ top: max(clinics.id) }).from(clinics));
  return Number(row?.top ?? 0);
}

/**
 * `count` free base ids after the highest one in use, skipping `reserved` (ids a file assigns itself).
 * Two people creating at once may get the same number: the insert then finds it taken and retries.
 */
export async function nextFreeBaseIds(db: Database, count: number, reserved: ReadonlySet<number> = new Set()): Promise<number[]> {
  const ids: number[] = [];
  let candidate = (await highestBaseId(db)) + 1;
  while (ids.length < count) {
    if (!reserved.has(candidate)) ids.push(candidate);
    candidate += 1;
  }
  return ids;
}
