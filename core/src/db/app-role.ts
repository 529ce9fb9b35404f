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
  await db.owner.execute(sql`grant execute on function app_enter_scope(text, text, text, text, text, bigint, text) to ${role}`);
  await lockSettings(db);
  await db.owner.execute(sql`revoke insert, update, delete, truncate on audit_log from ${role}`);
  await db.owner.execute(sql`revoke all on audit_chain_head from ${role}`);
  await assertRoleCannotBypassRls(db);
}

/**
 * The request role must not be able to change settings from SQL: the row-level-security scope lives
 * in settings, and `set_config('role', …)` would switch back to the owning role. EXECUTE on
 * `set_config` is revoked from PUBLIC in this database (the owning role keeps it), which needs a
 * superuser once; without one the start refuses and says what to run.
 */
async function lockSettings(db: Database): Promise<void> {
  const fn = 'pg_catalog.set_config(text, text, boolean)';
  const canSet = async () =>
    (await db.query<{ ok: boolean }>(db.owner, sql`select has_function_privilege(${db.appRole}, ${fn}, 'execute') as ok`))[0]?.ok;
  if (!(await canSet())) return;
  const [me] = await db.query<{ su: boolean; user: string }>(
    db.owner,
    sql`select rolsuper as su, current_user as "user" from pg_roles where rolname = current_user`,
  );
  if (me?.su) {
    await db.owner.execute(sql.raw(`revoke execute on function ${fn} from public`));
    await db.owner.execute(sql.raw(`grant execute on function ${fn} to current_user`));
  }
  if (await canSet()) {
    throw new UnsafeAppRoleError(
      `O papel "${db.appRole}" pode alterar configurações da sessão (set_config) e, com isso, ampliar o próprio escopo de segurança. ` +
        `Execute uma vez, como superusuário, neste banco: REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC; ` +
        `GRANT EXECUTE ON FUNCTION ${fn} TO ${me?.user ?? '<usuário do DATABASE_URL>'};`,
    );
  }
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
