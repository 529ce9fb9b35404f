import type { ContentAuthor, NewVersion, VersionRecord } from './version-record.ts';

/**
 * Restoring an earlier version appends a NEW draft version copied from it (same text, track and
 * preview text), so history stays append-only and what is live only changes when someone publishes.
 */
export function restoredVersion(source: VersionRecord, author: ContentAuthor): NewVersion {
  return {
    sourceText: source.sourceText,
    fileName: source.fileName,
    track: structuredClone(source.track),
    previewText: source.previewText,
    notices: [
      { key: 'version.restored', message: `Cópia da versão ${source.number}, restaurada por ${author.name}.` },
      ...source.notices.filter((n) => n.key !== 'version.restored'),
    ],
    restoredFrom: source.number,
    createdByUserId: author.userId,
    createdByName: author.name,
  };
}
