import { localDate } from '../time/app-time.ts';
import { localIsoWeek } from './schedule.ts';

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
