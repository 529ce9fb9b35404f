import { localDate, localParts } from '../time/app-time.ts';

/** The ISO week ("2026-W49") of an instant's local date in `timeZone`. */
export function localIsoWeek(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const thursday = new Date(Date.UTC(p.year, p.month - 1, p.day + 4 - p.weekday));
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export interface RetentionPolicy {
  keepDaily: number;
  keepWeekly: number;
  timeZone: string;
}

export interface StoredBackup {
  file: string;
  createdAt: Date;
}

/**
 * Which backups to keep: the newest of each of the last `keepDaily` days that have a backup, and the
 * newest of each of the last `keepWeekly` ISO weeks that have one (the two sets overlap; their union
 * is kept). Days and weeks are local to the schedule's time zone. Returns the files to delete.
 */
export function backupsToPrune(backups: readonly StoredBackup[], policy: RetentionPolicy): StoredBackup[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const keep = new Set<string>();
  const pick = (bucketOf: (b: StoredBackup) => string, count: number) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= count) break;
      const bucket = bucketOf(backup);
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep.add(backup.file);
    }
  };
  pick((b) => localDate(b.createdAt, policy.timeZone), policy.keepDaily);
  pick((b) => localIsoWeek(b.createdAt, policy.timeZone), policy.keepWeekly);
  return newestFirst.filter((b) => !keep.has(b.file));
}
