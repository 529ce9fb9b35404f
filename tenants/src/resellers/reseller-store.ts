/** Singulares (resellers): list with their number of bases, create, rename, (de)activate. Platform scope. */
import { type Db, schema } from '@painel/core/module';
import { asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';

const { clinics, resellers } = schema;

export type ResellerStatus = 'active' | 'inactive';

export interface Reseller {
  id: number;
  code: string;
  name: string;
  status: ResellerStatus;
  createdAt: Date;
}

export interface ResellerListRow extends Reseller {
  clinicCount: number;
}

export interface ResellerPage {
  rows: ResellerListRow[];
  total: number;
  page: number;
  pageCount: number;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function searchCondition(search: string): SQL | undefined {
  const text = search.trim();
  if (text === '') return undefined;
  return or(eq(resellers.code, text), ilike(resellers.name, `%${likeEscape(text)}%`));
}

/** A page of singulares by name; the base counts come from one grouped query over that page only. */
export async function listResellers(tx: Db, query: { search: string; page: number; pageSize: number }): Promise<ResellerPage> {
  const where = searchCondition(query.search);
  const [counted] = await tx.select({ n: count() }).from(resellers).where(where);
  const total = Number(counted?.n ?? 0);
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(Math.max(1, query.page), pageCount);
  const rows = await tx
    .select()
    .from(resellers)
    .where(where)
    .orderBy(asc(resellers.name), asc(resellers.id))
    .limit(query.pageSize)
    .offset((page - 1) * query.pageSize);
  const counts = new Map<number, number>();
  if (rows.length > 0) {
    const ids = rows.map((r) => r.id).join(',');
    const grouped = await tx
      .select({ resellerId: clinics.resellerId, n: count() })
      .from(clinics)
      .where(sql`${clinics.resellerId} = any(string_to_array(${ids}, ',')::bigint[])`)
      .groupBy(clinics.resellerId);
    for (const g of grouped) counts.set(g.resellerId, Number(g.n));
  }
  return {
    rows: rows.map((r) => ({ ...(r as Reseller), clinicCount: counts.get(r.id) ?? 0 })),
    total,
    page,
    pageCount,
  };
}

export async function findResellerByCode(tx: Db, code: string): Promise<Reseller | null> {
  const [row] = await tx.select().from(resellers).where(eq(resellers.code, code)).limit(1);
  return (row as Reseller | undefined) ?? null;
}

export async function findResellerById(tx: Db, id: number): Promise<Reseller | null> {
  const [row] = await tx.select().from(resellers).where(eq(resellers.id, id)).limit(1);
  return (row as Reseller | undefined) ?? null;
}

export async function countClinicsOf(tx: Db, resellerId: number): Promise<{ total: number; active: number }> {
  const [row] = await tx
    .select({ total: count(), active: sql<number>`count(*) filter (where ${clinics.status} = 'active')` })
    .from(clinics)
    .where(eq(clinics.resellerId, resellerId));
  return { total: Number(row?.total ?? 0), active: Number(row?.active ?? 0) };
}

/** Active singulares, for the "Singular" select of platform admins. */
export async function activeResellers(tx: Db): Promise<Pick<Reseller, 'id' | 'code' | 'name'>[]> {
  return tx
    .select({ id: resellers.id, code: resellers.code, name: resellers.name })
    .from(resellers)
    .where(eq(resellers.status, 'active'))
    .orderBy(asc(resellers.name));
}

/** Creates a singular; null when the code is already taken (nothing written). */
export async function insertReseller(tx: Db, values: { code: string; name: string }): Promise<Reseller | null> {
  const [row] = await tx.insert(resellers).values(values).onConflictDoNothing().returning();
  return (row as Reseller | undefined) ?? null;
}

export async function renameReseller(tx: Db, id: number, name: string): Promise<boolean> {
  const rows = await tx.update(resellers).set({ name }).where(eq(resellers.id, id)).returning({ id: resellers.id });
  return rows.length === 1;
}

export async function setResellerStatus(tx: Db, id: number, status: ResellerStatus): Promise<boolean> {
  const rows = await tx
    .update(resellers)
    .set({ status })
    .where(eq(resellers.id, id))
    .returning({ id: resellers.id });
  return rows.length === 1;
}
