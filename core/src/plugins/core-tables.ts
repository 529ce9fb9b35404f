import { clinics, resellers, users } from '../db/schema/index.ts';

/**
 * Core's tables a plugin may name: as foreign-key targets of its own tables (e.g. `clinics`, whose key
 * is `(reseller_id, id)`) and for lookups. Row-level security applies to every read as to any other
 * query: a plugin sees what its scope sees.
 */
export const coreTables = Object.freeze({ resellers, clinics, users });
