import { describe, expect, it } from 'vitest';
import { backupsToPrune, localIsoWeek, type StoredBackup } from './retention.ts';

const policy = { keepDaily: 7, keepWeekly: 4, timeZone: 'America/Sao_Paulo' };

/** One nightly backup (02:00 São Paulo) per day for `days` days ending on 2026-12-31. */
function nightly(days: number): StoredBackup[] {
  return Array.from({ length: days }, (_, i) => {
    const createdAt = new Date(Date.UTC(2026, 11, 31 - i, 5));
    return { file: `painel-${createdAt.toISOString().slice(0, 10)}`, createdAt };
  });
}

describe('backup retention', () => {
  it('keeps the last 7 daily and 4 weekly backups of 60 nightly ones', () => {
    const all = nightly(60);
    const pruned = new Set(backupsToPrune(all, policy).map((b) => b.file));
    const kept = all.filter((b) => !pruned.has(b.file)).map((b) => b.file);
    // Dec 25–31 (daily); the newest of each of the last 4 ISO weeks: Thu Dec 31 (W53), Sun Dec 27 (W52),
    // Sun Dec 20 (W51), Sun Dec 13 (W50).
    expect(kept).toEqual([
      'painel-2026-12-31',
      'painel-2026-12-30',
      'painel-2026-12-29',
      'painel-2026-12-28',
      'painel-2026-12-27',
      'painel-2026-12-26',
      'painel-2026-12-25',
      'painel-2026-12-20',
      'painel-2026-12-13',
    ]);
    expect(pruned.size).toBe(51);
  });

  it('keeps only the newest backup of a day that has several', () => {
    const day = Date.UTC(2026, 11, 2, 5);
    const backups = [0, 1, 2].map((h) => ({ file: `b${h}`, createdAt: new Date(day + h * 3_600_000) }));
    expect(backupsToPrune(backups, { keepDaily: 7, keepWeekly: 0, timeZone: 'America/Sao_Paulo' }).map((b) => b.file)).toEqual(['b1', 'b0']);
  });

  it('deletes nothing while there are fewer backups than the policy keeps', () => {
    expect(backupsToPrune(nightly(5), policy)).toEqual([]);
  });

  it('numbers ISO weeks in the local zone', () => {
    expect(localIsoWeek(new Date('2026-12-02T05:00:00Z'), 'America/Sao_Paulo')).toBe('2026-W49');
    // Monday 00:30 UTC is still Sunday in São Paulo: the previous week.
    expect(localIsoWeek(new Date('2026-12-07T00:30:00Z'), 'America/Sao_Paulo')).toBe('2026-W49');
    expect(localIsoWeek(new Date('2027-01-01T12:00:00Z'), 'America/Sao_Paulo')).toBe('2026-W53');
  });
});
