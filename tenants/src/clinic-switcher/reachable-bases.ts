import { type Actor, type Db, schema } from '@painel/core/module';
import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { containsPattern } from '../users/like-pattern.ts';

const { clinics, resellers } = schema;

export const switchPageSize = 50;

export interface ReachableBase {
  resellerId: number;
  id: number;
  name: string;
  city: string | null;
  uf: string | null;
  resellerName: string;
}

export interface BasePage {
  rows: ReachableBase[];
  hasNext: boolean;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase();

function matchSql(q: string): SQL | undefined {
  if (!q) return undefined;
  const pattern = ilike(clinics.name, containsPattern(q));
  return /^\d{1,9}$/.test(q) ? or(eq(clinics.id, Number(q)), pattern) : pattern;
}

/**
 * The active bases this actor may switch to, searched by name keyword or base id, a page at a time:
 * a clinic user's own bases; every base of a reseller admin's singular; every base for platform admins.
 */
export async function reachableBases(tx: Db, actor: Actor, q: string, page: number): Promise<BasePage> {
  const user = actor.user;
  if (!user) return { rows: [], hasNext: false };
  const offset = (page - 1) * switchPageSize;
  if (user.kind === 'clinic_user') {
    const needle = fold(q);
    const mine = actor.memberships
      .filter((m) => !q || fold(m.clinicName).includes(needle) || String(m.clinicId) === q)
      .map((m) => ({ resellerId: m.resellerId, id: m.clinicId, name: m.clinicName, city: null, uf: null, resellerName: '' }));
    return { rows: mine.slice(offset, offset + switchPageSize), hasNext: mine.length > offset + switchPageSize };
  }
  if (user.kind !== 'reseller_admin' && user.kind !== 'platform_admin') return { rows: [], hasNext: false };
  if (user.kind === 'reseller_admin' && user.resellerId === null) return { rows: [], hasNext: false };
  const rows = await tx
    .select({
      resellerId: clinics.resellerId,
      id: clinics.id,
      name: clinics.name,
      city: clinics.city,
      uf: clinics.uf,
      resellerName: resellers.name,
    })
    .from(clinics)
    .innerJoin(resellers, eq(resellers.id, clinics.resellerId))
    .where(
      and(
        user.kind === 'reseller_admin' ? eq(clinics.resellerId, user.resellerId!) : undefined,
        eq(clinics.status, 'active'),
        matchSql(q),
      ),
    )
    .orderBy(asc(clinics.name), asc(clinics.id))
    .limit(switchPageSize + 1)
    .offset(offset);
  return { rows: rows.slice(0, switchPageSize), hasNext: rows.length > switchPageSize };
}

/** The base with this id if the actor may switch to it (active, reachable), else null. */
export async function reachableBase(tx: Db, actor: Actor, baseId: number): Promise<ReachableBase | null> {
  const user = actor.user;
  if (!user) return null;
  if (user.kind === 'clinic_user') {
    const m = actor.memberships.find((x) => x.clinicId === baseId);
    return m ? { resellerId: m.resellerId, id: m.clinicId, name: m.clinicName, city: null, uf: null, resellerName: '' } : null;
  }
  if (user.kind !== 'reseller_admin' && user.kind !== 'platform_admin') return null;
  const [row] = await tx
    .select({
      resellerId: clinics.resellerId,
      id: clinics.id,
      name: clinics.name,
      city: clinics.city,
      uf: clinics.uf,
      resellerName: resellers.name,
      status: clinics.status,
    })
    .from(clinics)
    .innerJoin(resellers, eq(resellers.id, clinics.resellerId))
    .where(and(eq(clinics.id, baseId), user.kind === 'reseller_admin' ? eq(clinics.resellerId, user.resellerId ?? -1) : undefined))
    .limit(1);
  if (!row || row.status !== 'active') return null;
  const { status: _status, ...base } = row;
  return base;
}
