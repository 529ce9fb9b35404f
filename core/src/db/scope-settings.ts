import { type SQL, sql } from 'drizzle-orm';
import type { TenantScope } from './types.ts';

/** The `select set_config(...)` statement for a scope. Every setting is transaction-local (`true`). */
export function scopeSettingsSql(scope: TenantScope): SQL {
  const values: Record<string, string> = {
    'app.scope': scope.kind,
    'app.user_id': 'userId' in scope && scope.userId !== undefined ? String(scope.userId) : '',
    'app.reseller_id': 'resellerId' in scope ? String(scope.resellerId) : '',
    'app.clinic_id': 'clinicId' in scope ? String(scope.clinicId) : '',
  };
  // JIT off: the RLS predicates inflate cost estimates enough to switch JIT on, which costs ~1 s on
  // short tenant queries over large tables.
  values.jit = 'off';
  const calls = Object.entries(values).map(([name, value]) => sql`set_config(${name}, ${value}, true)`);
  return sql`select ${sql.join(calls, sql`, `)}`;
}
