import type { Notice, ParsedTrack } from '../validation/index.ts';

/** One stored version of a track (reseller track or the platform's default track). */
export interface VersionRecord {
  number: number;
  sourceText: string;
  fileName: string;
  track: ParsedTrack;
  previewText: string | null;
  notices: Notice[];
  restoredFrom: number | null;
  createdAt: Date;
  createdByUserId: number | null;
  createdByName: string;
}

/** What an upload or a restore adds; the number is given by the store. */
export type NewVersion = Omit<VersionRecord, 'number' | 'createdAt'>;

/** Who acts, as stored on versions and publications. */
export interface ContentAuthor {
  userId: number | null;
  name: string;
}
