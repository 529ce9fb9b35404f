import type { CoreServices, Db } from '@painel/core/module';
import { notifyCoveredUsers, publicationNotice } from './notify-publication.ts';
import { countActiveBases, existingBases, insertPublication, type PublishTargets } from './publication-store.ts';
import type { TrackRef } from './track-ref.ts';
import { getVersion } from './version-store.ts';
import type { ContentAuthor } from './version-record.ts';

/** Largest list of chosen bases in one publication (beyond that, publish to all bases). */
export const MAX_CHOSEN_BASES = 5000;

export type PublishResult =
  | { ok: true; publicationId: number; baseCount: number; notifiedUsers: number }
  | { ok: false; message: string };

/**
 * Makes a version live for the chosen bases (or all), notifying their clinic users once each when
 * some conquista has `notificado: true`. Runs inside the caller's transaction: all or nothing.
 */
export async function publishVersion(
  services: CoreServices,
  tx: Db,
  input: { ref: TrackRef; trackName: string; version: number; targets: PublishTargets; author: ContentAuthor },
): Promise<PublishResult> {
  const { ref, targets } = input;
  const version = await getVersion(tx, ref, input.version);
  if (!version) return { ok: false, message: 'Versão não encontrada.' };
  let baseCount: number;
  if (targets.kind === 'chosen') {
    if (ref.owner === 'platform') return { ok: false, message: 'A trilha padrão é publicada para todas as bases.' };
    if (targets.clinicIds.length === 0) return { ok: false, message: 'Escolha ao menos uma base clínica ou publique para todas.' };
    if (targets.clinicIds.length > MAX_CHOSEN_BASES) {
      return { ok: false, message: `Escolha no máximo ${MAX_CHOSEN_BASES} bases, ou publique para todas as bases.` };
    }
    const found = await existingBases(tx, ref.resellerId, targets.clinicIds);
    const unknown = targets.clinicIds.filter((id) => !found.has(id));
    if (unknown.length > 0) {
      const shown = unknown.slice(0, 10).join(', ');
      return {
        ok: false,
        message: `Estas bases não são bases ativas da sua singular: ${shown}${unknown.length > 10 ? ` e mais ${unknown.length - 10}` : ''}. Nada foi publicado.`,
      };
    }
    baseCount = targets.clinicIds.length;
  } else {
    baseCount = ref.owner === 'reseller' ? await countActiveBases(tx, ref.resellerId) : 0;
  }
  const at = services.clock.now();
  const notice = publicationNotice(input.trackName, version.track);
  const notifiedUsers = notice ? await notifyCoveredUsers(services.db, tx, ref, targets, notice, at) : 0;
  const publicationId = await insertPublication(tx, ref, {
    version: input.version,
    targets,
    baseCount,
    notifiedUsers,
    author: input.author,
    at,
  });
  return { ok: true, publicationId, baseCount, notifiedUsers };
}
