import { describe, expect, it } from 'vitest';
import { noticeDay, retentionDay, retentionStep } from './policy.ts';

const at = (local: string) => new Date(`${local}-03:00`);

describe('retention of a closed migration request', () => {
  it('deletes on the 14th Brasília calendar day after closing and tells the clinic 3 days before', () => {
    expect(retentionDay(at('2026-03-02T10:00:00'))).toBe('2026-03-16');
    expect(retentionDay(at('2026-03-02T23:30:00'))).toBe('2026-03-16'); // 02:30 UTC on 03/03, still 02/03 in Brasília
    expect(noticeDay(at('2026-03-02T10:00:00'))).toBe('2026-03-13');
  });

  it('takes one step at a time: nothing, the notice once, then the deletion once', () => {
    const r = { closedAt: at('2026-03-02T10:00:00'), retentionNoticeAt: null, retentionDoneAt: null };
    expect(retentionStep(r, at('2026-03-12T23:59:00'))).toBeNull();
    expect(retentionStep(r, at('2026-03-13T03:00:00'))).toBe('notice');
    expect(retentionStep({ ...r, retentionNoticeAt: at('2026-03-13T03:00:00') }, at('2026-03-14T03:00:00'))).toBeNull();
    expect(retentionStep(r, at('2026-03-16T00:00:00'))).toBe('delete'); // a missed notice does not hold the deletion
    expect(retentionStep({ ...r, retentionDoneAt: at('2026-03-16T03:00:00') }, at('2026-03-20T03:00:00'))).toBeNull();
    expect(retentionStep({ ...r, closedAt: null }, at('2026-04-20T03:00:00'))).toBeNull();
  });
});
