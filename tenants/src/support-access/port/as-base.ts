import type { Db } from '@painel/core/module';
import { sql } from 'drizzle-orm';
import type { BaseKey } from '../db/scopes.ts';

const settings = ['app.scope', 'app.user_id', 'app.reseller_id', 'app.clinic_id'] as const;

/**
 * Inside the caller's transaction, switches the RLS settings to the base's bookkeeping scope (one
 * clinic, no user) for `fn`, then restores the caller's settings. Used only by the support-access
 * port for the base's own records (a request row, its gestores' notifications); nothing read here is
 * handed back to the caller beyond ids and the grant's end.
 */
export async function asBase<T>(tx: Db, base: BaseKey, fn: () => Promise<T>): Promise<T> {
  const saved = (await tx.execute(
    sql`select ${sql.join(settings.map((s, i) => sql`coalesce(current_setting(${s}, true), '') as ${sql.identifier(`s${i}`)}`), sql`, `)}`,
  )) as unknown;
  const row = Array.isArray(saved) ? saved[0] : (saved as { rows: unknown[] }).rows[0];
  const values = settings.map((_, i) => (row as Record<string, string>)[`s${i}`] ?? '');
  const set = (pairs: [string, string][]) =>
    tx.execute(sql`select ${sql.join(pairs.map(([k, v]) => sql`set_config(${k}, ${v}, true)`), sql`, `)}`);
  await set([
    ['app.scope', 'clinic'],
    ['app.user_id', ''],
    ['app.reseller_id', String(base.resellerId)],
    ['app.clinic_id', String(base.clinicId)],
  ]);
  try {
    return await fn();
  } finally {
    await set(settings.map((s, i) => [s, values[i]!]));
  }
}
