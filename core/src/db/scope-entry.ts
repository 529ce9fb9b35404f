import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { TenantScope } from './types.ts';

/** How long a signed scope stays acceptable to the database (it is used at once; this bounds replay). */
const signatureLifetimeSeconds = 300;

/** The values written into the row-level-security settings for a scope. */
export function scopeValues(scope: TenantScope): [scope: string, userId: string, resellerId: string, clinicId: string] {
  return [
    scope.kind,
    'userId' in scope && scope.userId !== undefined ? String(scope.userId) : '',
    'resellerId' in scope ? String(scope.resellerId) : '',
    'clinicId' in scope ? String(scope.clinicId) : '',
  ];
}

/**
 * Signs scopes with the database's scope key (app_private.scope_key, unreadable by the request role),
 * so only this process can enter a scope: `app_enter_scope()` checks the signature before it writes
 * the settings. Mirrors the SQL: hex(sha256(key || sha256(utf8(scope|user|reseller|clinic|now|expires)))).
 */
export class ScopeSigner {
  readonly #key: Buffer;

  constructor(keyHex: string) {
    this.#key = Buffer.from(keyHex, 'hex');
    if (this.#key.length < 16) throw new Error('scope key missing');
  }

  /** `select app_enter_scope(…)` for `scope` at the app clock's `now`; `setRole` also switches role. */
  enter(scope: TenantScope, now: Date, setRole?: string): SQL {
    const values = scopeValues(scope);
    const clockNow = now.toISOString();
    const expires = Math.floor(Date.now() / 1000) + signatureLifetimeSeconds;
    const message = [...values, clockNow, String(expires)].join('|');
    const inner = createHash('sha256').update(message, 'utf8').digest();
    const signature = createHash('sha256').update(Buffer.concat([this.#key, inner])).digest('hex');
    const call = sql`app_enter_scope(${values[0]}, ${values[1]}, ${values[2]}, ${values[3]}, ${clockNow}, ${expires}::bigint, ${signature})`;
    // JIT off: the RLS predicates inflate cost estimates enough to switch JIT on, which costs ~1 s on
    // short tenant queries over large tables. Set while still the owning role (the request role
    // cannot call set_config).
    return setRole
      ? sql`select set_config('jit', 'off', true), ${call}, set_config('role', ${setRole}, true)`
      : sql`select ${call}`;
  }
}
