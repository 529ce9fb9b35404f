import type { Db } from '@painel/core/module';
import { liveSummary, listPublications, type PublicationRow, platformLiveVersion } from './publication-store.ts';
import type { TrackRef } from './track-ref.ts';

/** Where each version of a track is live, and which versions were ever published. */
export interface TrackStatus {
  /** Live versions → how many bases run them ("all" for the default track: every base). */
  live: Map<number, number | 'all'>;
  everPublished: Set<number>;
  /** Active bases of the reseller where the track is not live (reseller tracks). */
  withoutTrack: number;
  activeBases: number;
  publications: PublicationRow[];
}

export async function trackStatus(tx: Db, ref: TrackRef): Promise<TrackStatus> {
  const publications = await listPublications(tx, ref, 500);
  const everPublished = new Set(publications.map((p) => p.version).filter((v): v is number => v !== null));
  if (ref.owner === 'platform') {
    const live = await platformLiveVersion(tx);
    return { live: new Map(live === null ? [] : [[live, 'all']]), everPublished, withoutTrack: 0, activeBases: 0, publications };
  }
  const summary = await liveSummary(tx, ref);
  return {
    live: new Map(summary.byVersion),
    everPublished,
    withoutTrack: summary.withoutTrack,
    activeBases: summary.activeBases,
    publications,
  };
}

export type VersionState = { kind: 'live'; bases: number | 'all' } | { kind: 'replaced' } | { kind: 'draft' };

export function versionState(status: TrackStatus, version: number): VersionState {
  const bases = status.live.get(version);
  if (bases !== undefined) return { kind: 'live', bases };
  return status.everPublished.has(version) ? { kind: 'replaced' } : { kind: 'draft' };
}
