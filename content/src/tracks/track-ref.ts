/** The platform's default track has no row in `content.tracks`; its progress rows use this track id. */
export const PLATFORM_TRACK_ID = 0;

/** Which track: the platform's default track, or one track of one reseller. */
export type TrackRef = { owner: 'platform' } | { owner: 'reseller'; resellerId: number; trackId: number };

export const platformTrack: TrackRef = { owner: 'platform' };

/** The id progress rows use for a track. */
export function progressTrackId(ref: TrackRef): number {
  return ref.owner === 'platform' ? PLATFORM_TRACK_ID : ref.trackId;
}

/** The URL segment of a track in the admin screens: `padrao` or the track id. */
export function trackSlug(ref: TrackRef): string {
  return ref.owner === 'platform' ? 'padrao' : String(ref.trackId);
}

export function trackAdminPath(ref: TrackRef): string {
  return `/conteudos/trilhas/${trackSlug(ref)}`;
}

export function versionPath(ref: TrackRef, version: number): string {
  return `${trackAdminPath(ref)}/versoes/${version}`;
}
