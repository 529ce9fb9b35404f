import { sql } from 'drizzle-orm';
import type { Database } from './types.ts';

export class UnsafeAppRoleError extends Error {
  override name = 'UnsafeAppRoleError';
}

/**
 * Makes sure the non-superuser role that request work runs as exists, can use the given schemas'
 * tables (audit_log: read only) and cannot bypass row-level security. Idempotent; runs after
 * migrations at every start.
 */
export async function ensureAppRole(db: Database, schemas: string[]): Promise<void> {
  const role = sql.identifier(db.appRole);
  const exists = await db.query<{ n: number }>(
    db.owner,
    sql`select count(*)::int as n from pg_roles where rolname = ${db.appRole}`,
  );
  if ((exists[0]?.n ?? 0) === 0) {
    try {
      await db.owner.execute(sql`create role ${role} nologin nosuperuser nobypassrls nocreatedb nocreaterole`);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== '42710' && code !== '23505') {
        throw new UnsafeAppRoleError(
          `O papel "${db.appRole}" não existe e o usuário do banco não pode criá-lo (${(error as Error).message}). ` +
            `Crie-o com: CREATE ROLE ${db.appRole} NOLOGIN NOBYPASSRLS; GRANT ${db.appRole} TO <usuário do DATABASE_URL>;`,
        );
      }
    }
  }
  const me = await db.query<{ su: boolean; user: string }>(
    db.owner,
    sql`select rolsuper as su, current_user as "user" from pg_roles where rolname = current_user`,
  );
  if (!me[0]?.su && me[0]?.user !== db.appRole) {
    await db.owner.execute(sql.raw(`grant "${db.appRole}" to current_user`)).catch(() => {});
  }
  for (const schema of ['public', ...schemas]) {
    const s = sql.identifier(schema);
    await db.owner.execute(sql`grant usage on schema ${s} to ${role}`);
    await db.owner.execute(sql`grant select, insert, update, delete on all tables in schema ${s} to ${role}`);
    await db.owner.execute(sql`grant usage, select on all sequences in schema ${s} to ${role}`);
  }
  await db.owner.execute(sql`revoke insert, update, delete, truncate on audit_log from ${role}`);
  await db.owner.execute(sql`revoke all on audit_chain_head from ${role}`);
  await assertRoleCannotBypassRls(db);
}

/** Refuses to serve when the request role is a superuser or has BYPASSRLS. */
export async function assertRoleCannotBypassRls(db: Database): Promise<void> {
  const rows = await db.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
    db.owner,
    sql`select rolsuper, rolbypassrls from pg_roles where rolname = ${db.appRole}`,
  );
  const r = rows[0];
  if (!r) throw new UnsafeAppRoleError(`O papel "${db.appRole}" não existe.`);
  if (r.rolsuper || r.rolbypassrls) {
    throw new UnsafeAppRoleError(
      `O papel "${db.appRole}" é superusuário ou tem BYPASSRLS: a segurança por linha não seria aplicada. Recusando iniciar.`,
    );
  }
}
