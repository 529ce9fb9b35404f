import { and, count, eq, inArray } from 'drizzle-orm';
import { stagedRows, versionRejects, versions } from '../db/schema.ts';
import type { RetentionTarget } from './target.ts';

/**
 * The homologation copy of every validation version of the request (staged rows and refused rows). The
 * versions stay, with their counts, for the reports, marked 'expirada'. Row-level security lets only the platform scope
 * delete staged data: the deletion enters it for this call, inside the base's transaction.
 */
export const versionStaging: RetentionTarget = {
  name: 'dados de homologação das versões',
  async deleteFor({ ctx, now }, r) {
    return ctx.platformScoped(`retenção da migração #${r.id}: dados de homologação`, async (tx) => {
      const ofRequest = <T extends typeof stagedRows | typeof versionRejects>(table: T) => and(eq(table.resellerId, r.resellerId), eq(table.requestId, r.id));
      const [staged] = await tx.select({ n: count() }).from(stagedRows).where(ofRequest(stagedRows));
      const [refused] = await tx.select({ n: count() }).from(versionRejects).where(ofRequest(versionRejects));
      await tx.delete(stagedRows).where(ofRequest(stagedRows));
      await tx.delete(versionRejects).where(ofRequest(versionRejects));
      // Their homologation is gone: the versions read 'expirada', as after their 15 days.
      await tx
        .update(versions)
        .set({ state: 'expirada', expiredAt: now })
        .where(and(eq(versions.resellerId, r.resellerId), eq(versions.requestId, r.id), inArray(versions.state, ['carregando', 'aberta', 'falhou'])));
      return { count: (staged?.n ?? 0) + (refused?.n ?? 0) };
    });
  },
};
