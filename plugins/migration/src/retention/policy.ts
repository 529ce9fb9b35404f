/**
 * The retention rule (SPEC §8, seed 002, issue 15): 14 days after a request closes, its files and
 * per-request working data are deleted; the clinic is told 3 days before. The same rule applies to a
 * cancelled request, counted from the cancellation: its files serve no purpose any more, and the same
 * notice and window let a cancellation made in error be raised in the thread before anything is lost.
 * Days are Brasília calendar days: a request closed on 02/03 loses its files on the run of 16/03.
 */
import { addLocalDays, localDate } from '@painel/core/plugin';

export const RETENTION_DAYS = 14;
export const NOTICE_DAYS_BEFORE = 3;

/** The local date (YYYY-MM-DD) on which the files of a request closed at `closedAt` are deleted. */
export const retentionDay = (closedAt: Date): string => addLocalDays(localDate(closedAt), RETENTION_DAYS);

/** The local date from which the clinic is told. */
export const noticeDay = (closedAt: Date): string => addLocalDays(retentionDay(closedAt), -NOTICE_DAYS_BEFORE);

/** What the retention job does for a closed request today: delete, tell the clinic, or nothing yet. */
export function retentionStep(r: { closedAt: Date | null; retentionNoticeAt: Date | null; retentionDoneAt: Date | null }, now: Date): 'delete' | 'notice' | null {
  if (!r.closedAt || r.retentionDoneAt) return null;
  const today = localDate(now);
  if (today >= retentionDay(r.closedAt)) return 'delete';
  if (today >= noticeDay(r.closedAt) && !r.retentionNoticeAt) return 'notice';
  return null;
}
