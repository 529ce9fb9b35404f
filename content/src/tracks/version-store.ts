import type { Db } from '@painel/core/module';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { platformVersions, trackVersions, tracks } from '../db/schema.ts';
import type { TrackRef } from './track-ref.ts';
import type { NewVersion, VersionRecord } from './version-record.ts';

/** A version in a list (no source text). */
export type VersionSummary = Omit<VersionRecord, 'sourceText'>;

const summaryColumns = (t: typeof platformVersions | typeof trackVersions) => ({
  number: t.number,
  fileName: t.fileName,
  track: t.track,
  previewText: t.previewText,
  notices: t.notices,
  restoredFrom: t.restoredFrom,
  createdAt: t.createdAt,
  createdByUserId: t.createdByUserId,
  createdByName: t.createdByName,
});

export async function listVersions(tx: Db, ref: TrackRef): Promise<VersionSummary[]> {
  if (ref.owner === 'platform') {
    return tx.select(summaryColumns(platformVersions)).from(platformVersions).orderBy(desc(platformVersions.number));
  }
  return tx
    .select(summaryColumns(trackVersions))
    .from(trackVersions)
    .where(and(eq(trackVersions.resellerId, ref.resellerId), eq(trackVersions.trackId, ref.trackId)))
    .orderBy(desc(trackVersions.number));
}

export async function getVersion(tx: Db, ref: TrackRef, number: number): Promise<VersionRecord | null> {
  if (!Number.isSafeInteger(number) || number < 1) return null;
  const rows =
    ref.owner === 'platform'
      ? await tx
          .select({ ...summaryColumns(platformVersions), sourceText: platformVersions.sourceText })
          .from(platformVersions)
          .where(eq(platformVersions.number, number))
      : await tx
          .select({ ...summaryColumns(trackVersions), sourceText: trackVersions.sourceText })
          .from(trackVersions)
          .where(
            and(
              eq(trackVersions.resellerId, ref.resellerId),
              eq(trackVersions.trackId, ref.trackId),
              eq(trackVersions.number, number),
            ),
          );
  return rows[0] ?? null;
}

/**
 * Appends a version with the next number. A transaction-scoped advisory lock per track serialises
 * concurrent uploads to the same track (no duplicate numbers, no lost version).
 */
export async function insertVersion(tx: Db, ref: TrackRef, version: NewVersion, at: Date): Promise<number> {
  const lockKey = ref.owner === 'platform' ? 'content:platform' : `content:${ref.resellerId}:${ref.trackId}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${lockKey}))`);
  if (ref.owner === 'platform') {
    const [row] = await tx.select({ max: sql<number | null>`max(${platformVersions.number})` }).from(platformVersions);
    const number = Number(row?.max ?? 0) + 1;
    await tx.insert(platformVersions).values({ ...version, number, createdAt: at });
    return number;
  }
  const [row] = await tx
    .select({ max: sql<number | null>`max(${trackVersions.number})` })
    .from(trackVersions)
    .where(and(eq(trackVersions.resellerId, ref.resellerId), eq(trackVersions.trackId, ref.trackId)));
  const number = Number(row?.max ?? 0) + 1;
  await tx.insert(trackVersions).values({ ...version, resellerId: ref.resellerId, trackId: ref.trackId, number, createdAt: at });
  return number;
}

export interface TrackRow {
  resellerId: number;
  id: number;
  name: string;
  createdAt: Date;
}

export async function createTrack(tx: Db, resellerId: number, name: string, userId: number | null, at: Date): Promise<number> {
  const [row] = await tx
    .insert(tracks)
    .values({ resellerId, name, createdAt: at, createdByUserId: userId })
    .returning({ id: tracks.id });
  return row!.id;
}

/** A reseller track by its id, as the caller's scope sees it (RLS hides other resellers' tracks). */
export async function findTrack(tx: Db, trackId: number): Promise<TrackRow | null> {
  if (!Number.isSafeInteger(trackId) || trackId < 1) return null;
  const [row] = await tx
    .select({ resellerId: tracks.resellerId, id: tracks.id, name: tracks.name, createdAt: tracks.createdAt })
    .from(tracks)
    .where(eq(tracks.id, trackId));
  return row ?? null;
}

export async function listTracks(tx: Db, resellerId: number): Promise<TrackRow[]> {
  return tx
    .select({ resellerId: tracks.resellerId, id: tracks.id, name: tracks.name, createdAt: tracks.createdAt })
    .from(tracks)
    .where(eq(tracks.resellerId, resellerId))
    .orderBy(asc(tracks.id));
}

export async function renameTrack(tx: Db, ref: Extract<TrackRef, { owner: 'reseller' }>, name: string): Promise<void> {
  await tx
    .update(tracks)
    .set({ name })
    .where(and(eq(tracks.resellerId, ref.resellerId), eq(tracks.id, ref.trackId)));
}
