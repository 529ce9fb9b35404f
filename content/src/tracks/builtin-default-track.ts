import type { Db } from '@painel/core/module';
import { isKnownArticleSlug, loadDefaultTrackText } from '../articles/index.ts';
import { validateConquistas } from '../validation/index.ts';
import { insertPublication } from './publication-store.ts';
import { platformTrack } from './track-ref.ts';
import type { ContentAuthor } from './version-record.ts';
import { insertVersion, listVersions } from './version-store.ts';

/**
 * Registers the default track shipped in `content/default-track/track.json` as a published version
 * of the platform's default track, when none exists yet (demo seed, or a platform admin's click on
 * a fresh production database). Returns the version number, or null when one already existed.
 */
export async function registerBuiltinDefaultTrack(tx: Db, author: ContentAuthor, at: Date): Promise<number | null> {
  if ((await listVersions(tx, platformTrack)).length > 0) return null;
  const text = loadDefaultTrackText();
  const result = validateConquistas(text, { isKnownArticleSlug });
  if (!result.ok) {
    throw new Error(`content/default-track/track.json is invalid: ${result.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('; ')}`);
  }
  const number = await insertVersion(
    tx,
    platformTrack,
    {
      sourceText: text,
      fileName: 'track.json',
      track: result.track,
      previewText: 'Comece por aqui: vídeos e artigos curtos para usar o Painel Singular no dia a dia, em 5 etapas.',
      notices: result.notices,
      restoredFrom: null,
      createdByUserId: author.userId,
      createdByName: author.name,
    },
    at,
  );
  await insertPublication(tx, platformTrack, { version: number, targets: { kind: 'all' }, baseCount: 0, notifiedUsers: 0, author, at });
  return number;
}
