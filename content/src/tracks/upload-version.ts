import type { Db } from '@painel/core/module';
import { isKnownArticleSlug } from '../articles/index.ts';
import { DEFAULT_MAX_BYTES, type Notice, type ValidationIssue, validateConquistas } from '../validation/index.ts';
import type { TrackRef } from './track-ref.ts';
import { insertVersion } from './version-store.ts';
import type { ContentAuthor } from './version-record.ts';

export const MAX_PREVIEW_TEXT = 2000;
export const MAX_UPLOAD_BYTES = DEFAULT_MAX_BYTES;

export type CheckedUpload =
  | { ok: true; sourceText: string; track: import('../validation/index.ts').ParsedTrack; notices: Notice[] }
  | { ok: false; errors: ValidationIssue[]; notices: Notice[] };

/** Validates an uploaded file (nothing is stored). */
export function checkUpload(bytes: Uint8Array): CheckedUpload {
  const result = validateConquistas(bytes, { maxBytes: MAX_UPLOAD_BYTES, isKnownArticleSlug });
  if (!result.ok) return result;
  const text = new TextDecoder('utf-8').decode(bytes);
  return { ok: true, sourceText: text, track: result.track, notices: result.notices };
}

/** Stores an accepted upload as the next (draft) version of the track. */
export async function storeUploadedVersion(
  tx: Db,
  ref: TrackRef,
  input: { upload: Extract<CheckedUpload, { ok: true }>; fileName: string; previewText: string | null; author: ContentAuthor; at: Date },
): Promise<number> {
  return insertVersion(
    tx,
    ref,
    {
      sourceText: input.upload.sourceText,
      fileName: input.fileName,
      track: input.upload.track,
      previewText: input.previewText,
      notices: input.upload.notices,
      restoredFrom: null,
      createdByUserId: input.author.userId,
      createdByName: input.author.name,
    },
    input.at,
  );
}
