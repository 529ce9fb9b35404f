/** Reading one page of a version's staged rows of one entity, with the patients' search by name or CPF. */
import type { Db } from '@painel/core/plugin';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import { stagedRows } from '../db/schema.ts';
import type { EntityKey } from '../domain/vocabulary.ts';
import type { VersionRow } from '../versions/version-store.ts';

export const PAGE_SIZE = 50;

export interface StagedView {
  line: number;
  data: Record<string, unknown>;
}

const accents = 'áàâãäéèêëíìîïóòôõöúùûüçñ';
const plain = 'aaaaaeeeeiiiiooooouuuucn';

/** Lower case without accents (the SQL side does the same with translate()). */
export const fold = (text: string): string =>
  text
    .toLowerCase()
    .split('')
    .map((ch) => {
      const i = accents.indexOf(ch);
      return i >= 0 ? plain[i]! : ch;
    })
    .join('');

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Name (every word, accents ignored) or, for a query of digits, the start of the CPF. */
export function searchCondition(q: string): SQL | undefined {
  const query = q.trim();
  if (!query) return undefined;
  const digits = query.replace(/[.\-\s/]/g, '');
  if (/^\d{3,11}$/.test(digits)) return sql`${stagedRows.data}->>'cpf' like ${`${digits}%`}`;
  const words = fold(query).split(/\s+/).filter(Boolean).slice(0, 6);
  const name = sql`translate(lower(${stagedRows.data}->>'nome'), ${accents}, ${plain})`;
  return and(...words.map((w) => sql`${name} like ${`%${likeEscape(w)}%`}`));
}

export async function stagedPage(tx: Db, version: VersionRow, entity: EntityKey, options: { q?: string; page: number }): Promise<{ rows: StagedView[]; hasNext: boolean }> {
  const rows = await tx
    .select({ line: stagedRows.sourceLine, data: stagedRows.data })
    .from(stagedRows)
    .where(
      and(
        eq(stagedRows.resellerId, version.resellerId),
        eq(stagedRows.versionId, version.id),
        eq(stagedRows.entity, entity),
        eq(stagedRows.clinicId, version.clinicId),
        options.q ? searchCondition(options.q) : undefined,
      ),
    )
    .orderBy(asc(stagedRows.sourceLine))
    .limit(PAGE_SIZE + 1)
    .offset((options.page - 1) * PAGE_SIZE);
  return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
}
