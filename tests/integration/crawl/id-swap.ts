/**
 * Ids in URLs and form fields swapped for another tenant's: each number (or singular code) a target
 * carries is looked up among the demo's objects (bases, users, tickets, migration requests, jobs,
 * singulares); for each kind it names, one variant takes the same kind's object of another singular, and
 * one of another base of the same singular.
 */
import type { Database } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import type { Target } from './html-targets.ts';

interface ObjectRef {
  kind: string;
  token: string;
  reseller: number;
  clinic: number | null;
}

export class ObjectIndex {
  private readonly byToken = new Map<string, ObjectRef[]>();
  private readonly all: ObjectRef[] = [];

  add(ref: ObjectRef): void {
    this.all.push(ref);
    this.byToken.set(ref.token, [...(this.byToken.get(ref.token) ?? []), ref]);
  }

  /** Tokens to put in place of `token`: another singular's object of the same kind, and another base's. */
  swapsFor(token: string): string[] {
    const out = new Set<string>();
    for (const ref of this.byToken.get(token) ?? []) {
      const sameKind = this.all.filter((o) => o.kind === ref.kind && o.token !== token);
      const otherSingular = sameKind.find((o) => o.reseller !== ref.reseller);
      const otherBase = sameKind.find((o) => o.reseller === ref.reseller && o.clinic !== null && o.clinic !== ref.clinic);
      if (otherSingular) out.add(otherSingular.token);
      if (otherBase) out.add(otherBase.token);
    }
    return [...out];
  }
}

export async function objectIndex(db: Database): Promise<ObjectIndex> {
  const index = new ObjectIndex();
  const load = async (kind: string, query: ReturnType<typeof sql>) => {
    for (const r of await db.query<{ token: string; reseller: number; clinic: number | null }>(db.owner, query)) index.add({ kind, ...r });
  };
  await load('reseller', sql`select code as token, id::int as reseller, null::int as clinic from resellers`);
  await load('reseller-id', sql`select id::text as token, id::int as reseller, null::int as clinic from resellers`);
  await load('clinic', sql`select id::text as token, reseller_id::int as reseller, id::int as clinic from clinics`);
  await load(
    'user',
    sql`select distinct on (u.id) u.id::text as token, coalesce(m.reseller_id, u.reseller_id)::int as reseller, m.clinic_id::int as clinic
        from users u left join memberships m on m.user_id = u.id where coalesce(m.reseller_id, u.reseller_id) is not null order by u.id, m.clinic_id`,
  );
  await load('ticket', sql`select id::text as token, reseller_id::int as reseller, clinic_id::int as clinic from support.tickets`);
  await load('migration-request', sql`select id::text as token, reseller_id::int as reseller, clinic_id::int as clinic from migration.requests`);
  await load('job', sql`select id::text as token, reseller_id::int as reseller, clinic_id::int as clinic from jobs where reseller_id is not null`);
  return index;
}

const TOKEN = /^(\d{1,12}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** The target with its ids swapped, one change per variant (path segments, query values, form fields). */
export function swappedVariants(target: Target, index: ObjectIndex, max = 6): Target[] {
  const url = new URL(target.url, 'http://localhost');
  const segments = url.pathname.split('/');
  const out: Target[] = [];
  const push = (t: Target) => {
    if (out.length < max && !out.some((o) => o.url === t.url && JSON.stringify(o.fields) === JSON.stringify(t.fields))) out.push(t);
  };
  segments.forEach((segment, i) => {
    if (!TOKEN.test(segment)) return;
    for (const swap of index.swapsFor(segment)) {
      const copy = [...segments];
      copy[i] = swap;
      push({ ...target, url: copy.join('/') + url.search });
    }
  });
  for (const [name, value] of url.searchParams) {
    if (!TOKEN.test(value)) continue;
    for (const swap of index.swapsFor(value)) {
      const params = new URLSearchParams(url.searchParams);
      params.set(name, swap);
      push({ ...target, url: `${url.pathname}?${params}` });
    }
  }
  (target.fields ?? []).forEach(([name, value], i) => {
    if (!TOKEN.test(value)) return;
    for (const swap of index.swapsFor(value)) {
      const fields = target.fields!.map((f, j): [string, string] => (j === i ? [name, swap] : f));
      push({ ...target, fields });
    }
  });
  return out;
}
