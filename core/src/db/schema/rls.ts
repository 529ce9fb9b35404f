import { sql } from 'drizzle-orm';
import { pgPolicy } from 'drizzle-orm/pg-core';

/**
 * Row-level security building blocks. The SQL functions named here are created by the first core
 * migration (core/migrations/0000_rls_functions.sql) and read per-transaction settings
 * (`set_config(..., true)`), so a query with no tenant set sees nothing and cannot write.
 */
export const rls = {
  /** Rows of one clinic: platform scope, the clinic's reseller admin, or that active clinic. */
  clinic: (reseller: string, clinic: string) => sql.raw(`app_can_see_clinic(${reseller}, ${clinic})`),
  reseller: (reseller: string) => sql.raw(`app_can_see_reseller(${reseller})`),
  scopeIn: (...scopes: string[]) => sql.raw(`app_scope() in (${scopes.map((s) => `'${s}'`).join(', ')})`),
  anyScope: sql.raw(`app_scope() <> 'none'`),
  ownUser: (column: string) => sql.raw(`${column} = app_user_id()`),
};

/** One permissive policy for all commands, with the same expression for reading and writing. */
export function tenantPolicy(name: string, expr: ReturnType<typeof sql.raw>) {
  return pgPolicy(name, { as: 'permissive', for: 'all', using: expr, withCheck: expr });
}
