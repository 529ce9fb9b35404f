/**
 * The daily job that ends validation versions after their 15 days (seed 000): their staging rows and
 * refused rows are dropped, the version becomes 'expirada' (kept, with its counts, for the reports), and
 * the audit log says what was dropped.
 */
import type { PluginContext } from '@painel/core/plugin';
import { and, eq } from 'drizzle-orm';
import { versions } from '../db/schema.ts';
import { dropStaging, dueForExpiry, keyOf } from './version-store.ts';

export const EXPIRY_JOB = 'expirar-versoes';
export const EXPIRY_SCHEDULE = { dailyAt: '02:30' } as const;

/** Expires every version due at the app clock's now; returns how many. */
export async function expireVersions(ctx: PluginContext<unknown>): Promise<number> {
  const now = ctx.clock.now();
  return ctx.platformScoped('Expira versões de validação com mais de 15 dias e apaga seus dados de homologação', async (tx) => {
    const due = await dueForExpiry(tx, now);
    for (const version of due) {
      const key = keyOf(version);
      // Rows first: once the version is 'expirada', row-level security hides them, from deletes too.
      await dropStaging(tx, key);
      await tx
        .update(versions)
        .set({ state: 'expirada', expiredAt: now })
        .where(and(eq(versions.resellerId, key.resellerId), eq(versions.id, key.versionId)));
      const dropped = Object.values(version.counts).reduce((a, c) => a + (c?.staged ?? 0), 0);
      await ctx.audit.append(
        {
          action: 'migration.version.expired',
          resellerId: key.resellerId,
          clinicId: key.clinicId,
          target: `migração #${key.requestId}`,
          details: { version: version.number, droppedRows: dropped },
        },
        tx,
      );
    }
    return due.length;
  });
}
