import type { Db } from '@painel/core/module';
import { and, eq } from 'drizzle-orm';
import { tracks } from '../db/schema.ts';
import { liveVersionsForBase, platformLiveVersion } from '../tracks/publication-store.ts';
import { PLATFORM_TRACK_ID, platformTrack } from '../tracks/track-ref.ts';
import { getVersion } from '../tracks/version-store.ts';
import { buildPanelState, type LiveTrack, type PanelState } from './panel-state.ts';
import { loadProgress, type ProgressOwner } from './progress-store.ts';

/** Name of the platform's default track, as the panel shows it. */
export const DEFAULT_TRACK_NAME = 'Painel Singular em 5 etapas';

export async function loadDefaultLiveTrack(tx: Db): Promise<LiveTrack | null> {
  const number = await platformLiveVersion(tx);
  const version = number === null ? null : await getVersion(tx, platformTrack, number);
  if (!version) return null;
  return {
    trackId: PLATFORM_TRACK_ID,
    name: DEFAULT_TRACK_NAME,
    introText: version.previewText,
    isDefault: true,
    version: version.number,
    track: version.track,
  };
}

/** The tracks a clinic user sees in one base: the default track, then the reseller's live tracks. */
export async function loadLiveTracks(tx: Db, resellerId: number, clinicId: number): Promise<LiveTrack[]> {
  const lives: LiveTrack[] = [];
  const platform = await loadDefaultLiveTrack(tx);
  if (platform) lives.push(platform);
  for (const { trackId, version: number } of await liveVersionsForBase(tx, resellerId, clinicId)) {
    const ref = { owner: 'reseller', resellerId, trackId } as const;
    const [track] = await tx
      .select({ name: tracks.name })
      .from(tracks)
      .where(and(eq(tracks.resellerId, resellerId), eq(tracks.id, trackId)));
    const version = await getVersion(tx, ref, number);
    if (!track || !version) continue;
    lives.push({ trackId, name: track.name, introText: version.previewText, isDefault: false, version: number, track: version.track });
  }
  return lives;
}

export async function loadPanel(tx: Db, owner: ProgressOwner): Promise<PanelState> {
  const lives = await loadLiveTracks(tx, owner.resellerId, owner.clinicId);
  return buildPanelState(lives, await loadProgress(tx, owner));
}
