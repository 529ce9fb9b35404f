import { type Actor, type AppEnv, HttpError } from '@painel/core/module';
import type { Context } from 'hono';
import { DEFAULT_TRACK_NAME } from '../panel/load-panel.ts';
import { platformTrack, type TrackRef } from '../tracks/track-ref.ts';
import { findTrack } from '../tracks/version-store.ts';

export interface TrackAccess {
  ref: TrackRef;
  name: string;
  /** May upload, publish and restore (not only look). */
  canEdit: boolean;
}

/** The content owner an admin manages: platform admins the default track, reseller admins their reseller. */
export type ManagedOwner = { kind: 'platform' } | { kind: 'reseller'; resellerId: number };

export function managedOwner(actor: Actor): ManagedOwner {
  const user = actor.user;
  if (user?.kind === 'platform_admin') return { kind: 'platform' };
  if (user?.kind === 'reseller_admin' && user.resellerId !== null) return { kind: 'reseller', resellerId: user.resellerId };
  throw new HttpError(403, 'Área restrita aos administradores.');
}

/**
 * Resolves the `:trilha` segment (`padrao` or a track id) for the signed-in admin. A track the
 * actor cannot see (another reseller's) answers 404, with no hint that it exists.
 */
export async function resolveTrack(c: Context<AppEnv>, slug: string): Promise<TrackAccess> {
  const actor = c.get('actor');
  if (slug === 'padrao') {
    return { ref: platformTrack, name: DEFAULT_TRACK_NAME, canEdit: actor.user?.kind === 'platform_admin' };
  }
  if (!/^[1-9]\d{0,15}$/.test(slug)) throw new HttpError(404);
  const track = await c.get('tx')((tx) => findTrack(tx, Number(slug)));
  if (!track) throw new HttpError(404);
  const user = actor.user;
  const canEdit = user?.kind === 'reseller_admin' && user.resellerId === track.resellerId;
  if (!canEdit && user?.kind !== 'platform_admin') throw new HttpError(404);
  return { ref: { owner: 'reseller', resellerId: track.resellerId, trackId: track.id }, name: track.name, canEdit };
}

export function requireEdit(access: TrackAccess): void {
  if (!access.canEdit) {
    throw new HttpError(
      403,
      access.ref.owner === 'platform'
        ? 'A trilha padrão é mantida pela equipe da plataforma.'
        : 'Somente os administradores da singular alteram as trilhas dela.',
    );
  }
}
