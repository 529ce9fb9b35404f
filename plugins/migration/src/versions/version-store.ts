/** Reading and writing validation versions (the staged rows themselves go through load-version.ts). */
import type { Db } from '@painel/core/plugin';
import { and, desc, eq, inArray, lte, max, notExists } from 'drizzle-orm';
import { addCalendarDays } from '../deadlines/business-days.ts';
import { requests, stagedRows, versionRejects, versions } from '../db/schema.ts';
import { VERSION_OPEN_DAYS } from './version-states.ts';
import type { VersionKey } from './staged-input.ts';

export type VersionRow = typeof versions.$inferSelect;

export const keyOf = (v: Pick<VersionRow, 'resellerId' | 'clinicId' | 'requestId' | 'id'>): VersionKey => ({
  resellerId: v.resellerId,
  clinicId: v.clinicId,
  requestId: v.requestId,
  versionId: v.id,
});

/** When a version created at `at` expires: the end of the 15th calendar day in the app's zone (the request's deadline too). */
export const expiryOf = (at: Date): Date => addCalendarDays(at, VERSION_OPEN_DAYS);

/** Version N+1 of a request, in state 'carregando'. */
export async function createVersion(
  tx: Db,
  request: { resellerId: number; clinicId: number; id: number },
  by: { userId: number | null; name: string },
  at: Date,
): Promise<VersionRow> {
  const [last] = await tx
    .select({ n: max(versions.number) })
    .from(versions)
    .where(and(eq(versions.resellerId, request.resellerId), eq(versions.requestId, request.id)));
  const [row] = await tx
    .insert(versions)
    .values({
      resellerId: request.resellerId,
      clinicId: request.clinicId,
      requestId: request.id,
      number: (last?.n ?? 0) + 1,
      createdAt: at,
      expiresAt: expiryOf(at),
      byUserId: by.userId,
      byName: by.name,
    })
    .returning();
  return row!;
}

export async function setVersionJob(tx: Db, key: VersionKey, jobId: string): Promise<void> {
  await tx.update(versions).set({ jobId }).where(and(eq(versions.resellerId, key.resellerId), eq(versions.id, key.versionId)));
}

/** The open version of a base (the latest one, when there are several), or null. */
export async function openVersionOf(tx: Db, base: { resellerId: number; clinicId: number }): Promise<VersionRow | null> {
  const [row] = await tx
    .select()
    .from(versions)
    .where(and(eq(versions.resellerId, base.resellerId), eq(versions.clinicId, base.clinicId), eq(versions.state, 'aberta')))
    .orderBy(desc(versions.createdAt), desc(versions.id))
    .limit(1);
  return row ?? null;
}

/** Drops a version's staging rows and refused rows (platform scope: only it deletes). */
export async function dropStaging(tx: Db, key: Pick<VersionKey, 'resellerId' | 'versionId'>): Promise<void> {
  await tx.delete(stagedRows).where(and(eq(stagedRows.resellerId, key.resellerId), eq(stagedRows.versionId, key.versionId)));
  await tx.delete(versionRejects).where(and(eq(versionRejects.resellerId, key.resellerId), eq(versionRejects.versionId, key.versionId)));
}

/** A failed load: the reason, in the version. */
export async function failVersion(tx: Db, key: VersionKey, error: string): Promise<void> {
  await tx
    .update(versions)
    .set({ state: 'falhou', error })
    .where(and(eq(versions.resellerId, key.resellerId), eq(versions.id, key.versionId), eq(versions.state, 'carregando')));
}

/**
 * Versions past their 15 days that still hold staging data — but the approved version of its request,
 * whose rows the final package is built from (retention deletes them 14 days after closing).
 */
export async function dueForExpiry(tx: Db, now: Date): Promise<VersionRow[]> {
  const approved = tx
    .select({ one: requests.id })
    .from(requests)
    .where(and(eq(requests.resellerId, versions.resellerId), eq(requests.id, versions.requestId), eq(requests.approvedVersionId, versions.id)));
  return tx
    .select()
    .from(versions)
    .where(and(inArray(versions.state, ['aberta', 'falhou', 'carregando']), lte(versions.expiresAt, now), notExists(approved)));
}
