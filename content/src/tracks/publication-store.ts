import { type Db, schema as core } from '@painel/core/module';
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { platformPublications, publications, publicationTargets } from '../db/schema.ts';
import type { TrackRef } from './track-ref.ts';
import type { ContentAuthor } from './version-record.ts';

export type PublishTargets = { kind: 'all' } | { kind: 'chosen'; clinicIds: number[] };

export interface PublicationRow {
  id: number;
  version: number | null;
  allBases: boolean;
  baseCount: number;
  notifiedUsers: number;
  createdAt: Date;
  createdByName: string;
}

/** Records one publish action; the live version of each covered base becomes `version`. */
export async function insertPublication(
  tx: Db,
  ref: TrackRef,
  input: { version: number; targets: PublishTargets; baseCount: number; notifiedUsers: number; author: ContentAuthor; at: Date },
): Promise<number> {
  const who = { createdAt: input.at, createdByUserId: input.author.userId, createdByName: input.author.name };
  if (ref.owner === 'platform') {
    const [row] = await tx
      .insert(platformPublications)
      .values({ version: input.version, notifiedUsers: input.notifiedUsers, ...who })
      .returning({ id: platformPublications.id });
    return row!.id;
  }
  const [row] = await tx
    .insert(publications)
    .values({
      resellerId: ref.resellerId,
      trackId: ref.trackId,
      version: input.version,
      allBases: input.targets.kind === 'all',
      baseCount: input.baseCount,
      notifiedUsers: input.notifiedUsers,
      ...who,
    })
    .returning({ id: publications.id });
  if (input.targets.kind === 'chosen') {
    const rows = input.targets.clinicIds.map((clinicId) => ({ resellerId: ref.resellerId, publicationId: row!.id, clinicId }));
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(publicationTargets).values(rows.slice(i, i + 1000));
  }
  return row!.id;
}

export async function listPublications(tx: Db, ref: TrackRef, limit = 50): Promise<PublicationRow[]> {
  if (ref.owner === 'platform') {
    const rows = await tx
      .select({
        id: platformPublications.id,
        version: platformPublications.version,
        notifiedUsers: platformPublications.notifiedUsers,
        createdAt: platformPublications.createdAt,
        createdByName: platformPublications.createdByName,
      })
      .from(platformPublications)
      .orderBy(desc(platformPublications.id))
      .limit(limit);
    return rows.map((r) => ({ ...r, allBases: true, baseCount: 0 }));
  }
  return tx
    .select({
      id: publications.id,
      version: publications.version,
      allBases: publications.allBases,
      baseCount: publications.baseCount,
      notifiedUsers: publications.notifiedUsers,
      createdAt: publications.createdAt,
      createdByName: publications.createdByName,
    })
    .from(publications)
    .where(and(eq(publications.resellerId, ref.resellerId), eq(publications.trackId, ref.trackId)))
    .orderBy(desc(publications.id))
    .limit(limit);
}

export async function platformLiveVersion(tx: Db): Promise<number | null> {
  const [row] = await tx
    .select({ version: platformPublications.version })
    .from(platformPublications)
    .orderBy(desc(platformPublications.id))
    .limit(1);
  return row?.version ?? null;
}

/** The live version of each of the reseller's tracks in one base (latest publication covering it). */
export async function liveVersionsForBase(
  tx: Db,
  resellerId: number,
  clinicId: number,
): Promise<{ trackId: number; version: number }[]> {
  const covering = sql`(${publications.allBases} or exists (select 1 from ${publicationTargets} pt
    where pt.reseller_id = ${publications.resellerId} and pt.publication_id = ${publications.id} and pt.clinic_id = ${clinicId}))`;
  const rows = await tx
    .selectDistinctOn([publications.trackId], { trackId: publications.trackId, version: publications.version })
    .from(publications)
    .where(and(eq(publications.resellerId, resellerId), covering))
    .orderBy(asc(publications.trackId), desc(publications.id));
  return rows.filter((r): r is { trackId: number; version: number } => r.version !== null);
}

/** How many bases run each version of a reseller track right now (and how many run none). */
export interface LiveSummary {
  byVersion: Map<number, number>;
  withoutTrack: number;
  activeBases: number;
}

export async function liveSummary(tx: Db, ref: Extract<TrackRef, { owner: 'reseller' }>): Promise<LiveSummary> {
  const activeBases = await countActiveBases(tx, ref.resellerId);
  const [lastAll] = await tx
    .select({ id: publications.id, version: publications.version })
    .from(publications)
    .where(and(eq(publications.resellerId, ref.resellerId), eq(publications.trackId, ref.trackId), eq(publications.allBases, true)))
    .orderBy(desc(publications.id))
    .limit(1);
  // Bases that a later publication for chosen bases moved to another version (latest wins).
  const overrides = await tx
    .selectDistinctOn([publicationTargets.clinicId], { clinicId: publicationTargets.clinicId, version: publications.version })
    .from(publicationTargets)
    .innerJoin(
      publications,
      and(eq(publications.resellerId, publicationTargets.resellerId), eq(publications.id, publicationTargets.publicationId)),
    )
    .innerJoin(
      core.clinics,
      and(
        eq(core.clinics.resellerId, publicationTargets.resellerId),
        eq(core.clinics.id, publicationTargets.clinicId),
        eq(core.clinics.status, 'active'),
      ),
    )
    .where(
      and(
        eq(publications.resellerId, ref.resellerId),
        eq(publications.trackId, ref.trackId),
        lastAll ? gt(publications.id, lastAll.id) : undefined,
      ),
    )
    .orderBy(asc(publicationTargets.clinicId), desc(publications.id));
  const byVersion = new Map<number, number>();
  let withoutTrack = 0;
  const add = (version: number | null, n: number) => {
    if (n <= 0) return;
    if (version === null) withoutTrack += n;
    else byVersion.set(version, (byVersion.get(version) ?? 0) + n);
  };
  for (const o of overrides) add(o.version, 1);
  add(lastAll?.version ?? null, activeBases - overrides.length);
  return { byVersion, withoutTrack, activeBases };
}

export async function countActiveBases(tx: Db, resellerId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(core.clinics)
    .where(and(eq(core.clinics.resellerId, resellerId), eq(core.clinics.status, 'active')));
  return Number(row?.n ?? 0);
}

/** The given base ids that are active bases of the reseller (others are refused by the caller). */
export async function existingBases(tx: Db, resellerId: number, clinicIds: number[]): Promise<Set<number>> {
  if (clinicIds.length === 0) return new Set();
  const found = new Set<number>();
  for (let i = 0; i < clinicIds.length; i += 1000) {
    const rows = await tx
      .select({ id: core.clinics.id })
      .from(core.clinics)
      .where(
        and(eq(core.clinics.resellerId, resellerId), eq(core.clinics.status, 'active'), inArray(core.clinics.id, clinicIds.slice(i, i + 1000))),
      );
    for (const r of rows) found.add(r.id);
  }
  return found;
}

/** The version of the most recent publication (what "the published version" means when comparing). */
export async function latestPublishedVersion(tx: Db, ref: TrackRef): Promise<number | null> {
  if (ref.owner === 'platform') return platformLiveVersion(tx);
  const [row] = await tx
    .select({ version: publications.version })
    .from(publications)
    .where(and(eq(publications.resellerId, ref.resellerId), eq(publications.trackId, ref.trackId)))
    .orderBy(desc(publications.id))
    .limit(1);
  return row?.version ?? null;
}
