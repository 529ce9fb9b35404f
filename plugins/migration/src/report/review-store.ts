/** The mirror test's verdicts: one per sampled record of a version, replaced when marked again. */
import type { Db } from '@painel/core/plugin';
import { and, eq, sql } from 'drizzle-orm';
import { mirrorReviews } from '../db/schema.ts';
import type { EntityKey } from '../prevalidation/entities.ts';
import type { VersionRow } from '../versions/version-store.ts';

export type ReviewRow = typeof mirrorReviews.$inferSelect;
export type Verdict = 'confere' | 'diverge';
export const reviewKey = (entity: string, line: number) => `${entity}:${line}`;

export async function reviewsOf(tx: Db, v: Pick<VersionRow, 'resellerId' | 'id'>): Promise<Map<string, ReviewRow>> {
  const rows = await tx.select().from(mirrorReviews).where(and(eq(mirrorReviews.resellerId, v.resellerId), eq(mirrorReviews.versionId, v.id)));
  return new Map(rows.map((r) => [reviewKey(r.entity, r.sourceLine), r]));
}

export async function saveReview(
  tx: Db,
  v: Pick<VersionRow, 'resellerId' | 'clinicId' | 'requestId' | 'id'>,
  sample: { entity: EntityKey; sourceLine: number },
  verdict: Verdict,
  comment: string,
  by: { userId: number; name: string },
  at: Date,
): Promise<void> {
  await tx
    .insert(mirrorReviews)
    .values({ resellerId: v.resellerId, clinicId: v.clinicId, requestId: v.requestId, versionId: v.id, entity: sample.entity, sourceLine: sample.sourceLine, verdict, comment, byUserId: by.userId, byName: by.name, at })
    .onConflictDoUpdate({
      target: [mirrorReviews.resellerId, mirrorReviews.versionId, mirrorReviews.entity, mirrorReviews.sourceLine],
      set: { verdict, comment, byUserId: by.userId, byName: by.name, at: sql`excluded.at` },
    });
}
