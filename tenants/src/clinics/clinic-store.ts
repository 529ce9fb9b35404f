/**
 * Reads and writes clinic bases through a request transaction (row-level security applies). Every
 * query of a reseller admin also names the reseller explicitly: a second fence besides RLS, and what
 * lets Postgres use the (reseller_id, name) index. Non-leakproof operators (LIKE, the name regex) are
 * never index conditions under RLS, so keyword searches go through `clinic_search()` (a scope-bound
 * SECURITY DEFINER function that the trigram index serves) and read the page's rows by id.
 */
import { type Db, dateOfEpochMs, epochMs, schema, selectRows } from '@painel/core/module';
import { and, asc, between, count, eq, or, type SQL, sql } from 'drizzle-orm';
import { accentInsensitivePattern, foldWord } from './accent-pattern.ts';
import { idPrefixRanges } from './id-prefix.ts';
import { BASE_ID_MAX_DIGITS, type ClinicSearch } from './search-query.ts';

const { clinics, resellers } = schema;

export type ClinicStatus = 'active' | 'inactive';
export type StatusFilter = 'all' | ClinicStatus;

export interface Clinic {
  resellerId: number;
  id: number;
  name: string;
  cnpj: string | null;
  city: string | null;
  uf: string | null;
  status: ClinicStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface ClinicListRow extends Clinic {
  resellerCode: string;
  resellerName: string;
}

export interface ClinicListQuery {
  /** The reseller whose bases are listed; null = every reseller (platform admins only). */
  resellerId: number | null;
  search: ClinicSearch;
  status: StatusFilter;
  page: number;
  pageSize: number;
}

export interface ClinicPage {
  rows: ClinicListRow[];
  /** Matching bases; for a keyword search at most KEYWORD_MATCH_CAP (then `capped` is true). */
  total: number;
  /** More than KEYWORD_MATCH_CAP bases match: `total` is the cap, not the exact count. */
  capped: boolean;
  page: number;
  pageCount: number;
}

export interface ClinicFields {
  name: string;
  cnpj: string | null;
  city: string | null;
  uf: string | null;
}

const clinicColumns = {
  resellerId: clinics.resellerId,
  id: clinics.id,
  name: clinics.name,
  cnpj: clinics.cnpj,
  city: clinics.city,
  uf: clinics.uf,
  status: clinics.status,
  createdAt: clinics.createdAt,
  updatedAt: clinics.updatedAt,
};

function searchCondition(search: ClinicSearch): SQL | undefined {
  switch (search.kind) {
    case 'all':
      return undefined;
    case 'baseId':
      return or(...idPrefixRanges(search.id, BASE_ID_MAX_DIGITS).map(([low, high]) => between(clinics.id, low, high)));
    case 'cnpj':
      return eq(clinics.cnpj, search.cnpj);
    case 'keywords':
      return and(...search.words.map((word) => sql`${clinics.name} ~ ${accentInsensitivePattern(word)}`));
  }
}

function listCondition(query: Pick<ClinicListQuery, 'resellerId' | 'search' | 'status'>): SQL | undefined {
  return and(
    query.resellerId === null ? undefined : eq(clinics.resellerId, query.resellerId),
    query.status === 'all' ? undefined : eq(clinics.status, query.status),
    searchCondition(query.search),
  );
}

/**
 * The row-level-security predicate makes Postgres over-estimate a scan's cost, which switches on JIT
 * compilation (50–120 ms of compile time for a 100 ms query); these short queries never gain from it.
 */
async function withoutJit(tx: Db): Promise<void> {
  await tx.execute(sql`set local jit = off`);
}

/**
 * One page of bases (ordered by reseller, then name) and how many match in total.
 * - Unfiltered: `count(*)` (an index-only scan) plus the page read in index order — cheap.
 * - Filtered (words, id, CNPJ, situação): ONE pass with `count(*) over ()`: the matching rows must be
 *   read anyway, and under row-level security every row read costs a policy check, so counting and
 *   paging in two queries would pay it twice.
 */
export async function listClinics(tx: Db, query: ClinicListQuery): Promise<ClinicPage> {
  // clinic_search() switches JIT off itself, and the page it feeds reads ≤ 50 rows by id.
  if (query.search.kind === 'keywords') return listKeywordMatches(tx, query, query.search.words);
  await withoutJit(tx);
  if (query.search.kind === 'all' && query.status === 'all') return listUnfiltered(tx, query);
  const where = listCondition(query);
  const pageOf = (page: number) => {
    const matching = tx
      .select({ ...clinicColumns, total: sql<number>`count(*) over ()`.as('total') })
      .from(clinics)
      .where(where)
      .orderBy(asc(clinics.resellerId), asc(clinics.name), asc(clinics.id))
      .limit(query.pageSize)
      .offset((page - 1) * query.pageSize)
      .as('matching');
    return tx
      .select({
        resellerId: matching.resellerId,
        id: matching.id,
        name: matching.name,
        cnpj: matching.cnpj,
        city: matching.city,
        uf: matching.uf,
        status: matching.status,
        createdAt: matching.createdAt,
        updatedAt: matching.updatedAt,
        total: matching.total,
        resellerCode: resellers.code,
        resellerName: resellers.name,
      })
      .from(matching)
      .innerJoin(resellers, eq(resellers.id, matching.resellerId))
      .orderBy(asc(matching.resellerId), asc(matching.name), asc(matching.id));
  };
  let page = Math.max(1, query.page);
  let rows = await pageOf(page);
  if (rows.length === 0 && page > 1) {
    const [counted] = await tx.select({ n: count() }).from(clinics).where(where);
    const last = Math.max(1, Math.ceil(Number(counted?.n ?? 0) / query.pageSize));
    if (last < page) {
      page = last;
      rows = await pageOf(page);
    }
  }
  const total = Number(rows[0]?.total ?? 0);
  return {
    rows: rows.map(({ total: _total, ...row }) => row as ClinicListRow),
    total,
    capped: false,
    page,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

/** A keyword search stops counting past this many matches: the screen then says "mais de 1.000". */
export const KEYWORD_MATCH_CAP = 1000;

/**
 * Keyword search through `clinic_search()` (tenants migration 0003): a SECURITY DEFINER function that
 * finds the matching ids with the trigram index on the folded name, bounded by the verified scope, at
 * most KEYWORD_MATCH_CAP + 1 of them in list order. The page's rows are then read by id under RLS as
 * usual — one statement, and only one page of rows is read from "clinics".
 */
async function listKeywordMatches(tx: Db, query: ClinicListQuery, words: readonly string[]): Promise<ClinicPage> {
  const wordArray = sql`array[${sql.join(words.map((word) => sql`${foldWord(word)}`), sql`, `)}]::text[]`;
  const found = sql`clinic_search(${wordArray}, ${query.resellerId}::bigint, ${query.status === 'all' ? null : query.status}::text)`;
  // The page's rows in one fixed statement, mapped by hand (it is the hottest read of the screen).
  const pageOf = async (page: number): Promise<{ rows: ClinicListRow[]; matches: number }> => {
    const offset = (page - 1) * query.pageSize;
    const rows = await selectRows<KeywordRow>(
      tx,
      sql`select c.reseller_id::text as reseller_id, c.id::text as id, c.name, c.cnpj, c.city, c.uf, c.status,
          ${epochMs('c.created_at')} as created_at, ${epochMs('c.updated_at')} as updated_at, found.total::text as total,
          r.code as reseller_code, r.name as reseller_name
        from ${found} as found
        join clinics c on c.reseller_id = found.reseller_id and c.id = found.id
        join resellers r on r.id = c.reseller_id
        where found.ord > ${offset} and found.ord <= ${Math.min(offset + query.pageSize, KEYWORD_MATCH_CAP)}
        order by found.ord`,
    );
    return { rows: rows.map(keywordRowOf), matches: Number(rows[0]?.total ?? 0) };
  };
  let page = Math.max(1, query.page);
  let { rows, matches } = await pageOf(page);
  if (rows.length === 0 && page > 1) {
    const [counted] = await tx.select({ n: sql<number>`count(*)` }).from(sql`${found} as found`);
    matches = Number(counted?.n ?? 0);
    const last = Math.max(1, Math.ceil(Math.min(matches, KEYWORD_MATCH_CAP) / query.pageSize));
    if (last < page) {
      page = last;
      ({ rows } = await pageOf(page));
    }
  }
  const total = Math.min(matches, KEYWORD_MATCH_CAP);
  return {
    rows,
    total,
    capped: matches > KEYWORD_MATCH_CAP,
    page,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}

interface KeywordRow {
  reseller_id: string;
  id: string;
  name: string;
  cnpj: string | null;
  city: string | null;
  uf: string | null;
  status: ClinicStatus;
  created_at: number | string;
  updated_at: number | string;
  total: string;
  reseller_code: string;
  reseller_name: string;
}

function keywordRowOf(r: KeywordRow): ClinicListRow {
  return {
    resellerId: Number(r.reseller_id),
    id: Number(r.id),
    name: r.name,
    cnpj: r.cnpj,
    city: r.city,
    uf: r.uf,
    status: r.status,
    createdAt: dateOfEpochMs(r.created_at),
    updatedAt: dateOfEpochMs(r.updated_at),
    resellerCode: r.reseller_code,
    resellerName: r.reseller_name,
  };
}

async function listUnfiltered(tx: Db, query: ClinicListQuery): Promise<ClinicPage> {
  const where = listCondition(query);
  const [counted] = await tx.select({ n: count() }).from(clinics).where(where);
  const total = Number(counted?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const rows = await tx
    .select({ ...clinicColumns, resellerCode: resellers.code, resellerName: resellers.name })
    .from(clinics)
    .innerJoin(resellers, eq(resellers.id, clinics.resellerId))
    .where(where)
    .orderBy(asc(clinics.resellerId), asc(clinics.name), asc(clinics.id))
    .limit(query.pageSize)
    .offset((page - 1) * query.pageSize);
  return { rows: rows as ClinicListRow[], total, capped: false, page, pageCount };
}

/** A base the transaction may see, by base id (optionally only within one reseller). */
export async function findClinic(tx: Db, id: number, resellerId: number | null): Promise<ClinicListRow | null> {
  const [row] = await tx
    .select({ ...clinicColumns, resellerCode: resellers.code, resellerName: resellers.name })
    .from(clinics)
    .innerJoin(resellers, eq(resellers.id, clinics.resellerId))
    .where(and(eq(clinics.id, id), resellerId === null ? undefined : eq(clinics.resellerId, resellerId)))
    .limit(1);
  return (row as ClinicListRow | undefined) ?? null;
}

/**
 * Inserts one base. Returns false (and writes nothing) when the base id is already taken — by this
 * reseller or by another one the transaction cannot see: the unique index answers, not a SELECT.
 */
export async function insertClinic(tx: Db, values: ClinicFields & { resellerId: number; id: number }): Promise<boolean> {
  const inserted = await tx.insert(clinics).values(values).onConflictDoNothing().returning({ id: clinics.id });
  return inserted.length === 1;
}

export async function updateClinic(tx: Db, resellerId: number, id: number, fields: ClinicFields, now: Date): Promise<boolean> {
  const updated = await tx
    .update(clinics)
    .set({ ...fields, updatedAt: now })
    .where(and(eq(clinics.resellerId, resellerId), eq(clinics.id, id)))
    .returning({ id: clinics.id });
  return updated.length === 1;
}

export async function setClinicStatus(tx: Db, resellerId: number, id: number, status: ClinicStatus, now: Date): Promise<boolean> {
  const updated = await tx
    .update(clinics)
    .set({ status, updatedAt: now })
    .where(and(eq(clinics.resellerId, resellerId), eq(clinics.id, id)))
    .returning({ id: clinics.id });
  return updated.length === 1;
}
