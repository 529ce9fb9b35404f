/**
 * A hash of every tenant table's rows per tenant (singular, and base when the table has one), to tell
 * which tenants' rows a batch of requests changed. Logs that every request may append to (audit,
 * notifications, the outbox, jobs, sessions, the support access log) are left out. Users are hashed per
 * base through their memberships (a user row has no tenant of its own).
 */
import type { Database } from '@painel/core/testing';
import { sql } from 'drizzle-orm';
import type { TenantKey } from './visibility.ts';

const SKIPPED = new Set(['public.audit_log', 'public.notifications', 'public.mail_outbox', 'public.jobs', 'public.sessions', 'support_access.access_log']);

export type RowHashes = Map<string, { table: string; tenant: TenantKey; hash: string }>;

export async function tenantTables(db: Database): Promise<Array<{ table: string; hasClinic: boolean }>> {
  const rows = await db.query<{ table: string; has_clinic: boolean }>(
    db.owner,
    sql`select c.table_schema || '.' || c.table_name as table,
               bool_or(exists (select 1 from information_schema.columns k
                 where k.table_schema = c.table_schema and k.table_name = c.table_name and k.column_name = 'clinic_id')) as has_clinic
        from information_schema.columns c join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.column_name = 'reseller_id' and t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema', 'drizzle')
        group by 1 order by 1`,
  );
  return rows.filter((r) => !SKIPPED.has(r.table)).map((r) => ({ table: r.table, hasClinic: r.has_clinic }));
}

export async function rowHashes(db: Database, tables: Array<{ table: string; hasClinic: boolean }>): Promise<RowHashes> {
  const out: RowHashes = new Map();
  const put = (table: string, reseller: number, clinic: number | null, hash: string) =>
    out.set(`${table}|${reseller}|${clinic ?? ''}`, { table, tenant: { reseller, clinic }, hash });
  for (const { table, hasClinic } of tables) {
    const [schema, name] = table.split('.');
    const ident = sql.raw(`"${schema}"."${name}"`);
    const clinic = hasClinic ? sql.raw('t.clinic_id::int') : sql.raw('null::int');
    const rows = await db.query<{ reseller: number | null; clinic: number | null; hash: string }>(
      db.owner,
      sql`select t.reseller_id::int as reseller, ${clinic} as clinic, md5(string_agg(t::text, '|' order by t::text)) as hash from ${ident} t group by 1, 2`,
    );
    // Rows of no singular (users who are not a singular's admins) are hashed per base below.
    for (const r of rows) if (r.reseller !== null) put(table, r.reseller, r.clinic, r.hash);
  }
  const users = await db.query<{ reseller: number; clinic: number; hash: string }>(
    db.owner,
    sql`select m.reseller_id::int as reseller, m.clinic_id::int as clinic, md5(string_agg(u::text, '|' order by u::text)) as hash
        from memberships m join users u on u.id = m.user_id group by 1, 2`,
  );
  for (const r of users) put('public.users (members of the base)', r.reseller, r.clinic, r.hash);
  return out;
}

/** Tenants whose rows differ between two snapshots (added, changed or removed). */
export function changedTenants(before: RowHashes, after: RowHashes): Array<{ table: string; tenant: TenantKey }> {
  const keys = new Set([...before.keys(), ...after.keys()]);
  const out: Array<{ table: string; tenant: TenantKey }> = [];
  for (const key of keys) {
    const a = before.get(key);
    const b = after.get(key);
    if (a?.hash !== b?.hash) out.push({ table: (a ?? b)!.table, tenant: (a ?? b)!.tenant });
  }
  return out;
}
