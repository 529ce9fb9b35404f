import { sql } from 'drizzle-orm';
import { ensureAppRole } from '../db/app-role.ts';
import type { Database } from '../db/types.ts';

/**
 * After a restore: the app role's grants came back with the dump (the role itself was created before
 * pg_restore when the server lacked it). This re-applies what the app applies at every start to the
 * schemas the role uses — including the `set_config` lock, which on PostgreSQL lives in the database's
 * catalog — and refuses a role that could bypass row-level security.
 */
export async function ensureAppRoleAfterRestore(db: Database): Promise<void> {
  const rows = await db.query<{ name: string }>(
    db.owner,
    sql`select nspname as name from pg_namespace
         where has_schema_privilege(${db.appRole}, oid, 'USAGE')
           and nspname not in ('public', 'pg_catalog', 'information_schema') and nspname not like 'pg\\_%'`,
  );
  await ensureAppRole(
    db,
    rows.map((r) => r.name),
  );
}
