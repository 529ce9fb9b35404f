/**
 * Time-zone arithmetic on top of `Intl.DateTimeFormat` only (no library).
 *
 * "Wall time" is a local date-time of a zone encoded as milliseconds on a UTC-like scale: the wall time
 * 2026-03-06 17:00 is `Date.UTC(2026, 2, 6, 17, 0)`, whatever the zone. An instant is a real
 * `Date#getTime()`. The zone offset at an instant is `wallTimeOf(instant) - instant`.
 */
import { DAY_MS } from './local-date.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name that this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall time (see module doc) shown by the zone's clocks at `instantMs`, with milliseconds kept. */
export function wallTimeOf(instantMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(instantMs / 1000) * 1000;
  const fields: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(wholeSecond)) {
    if (p.type !== 'literal') fields[p.type] = Number(p.value);
  }
  const d = new Date(0);
  d.setUTCFullYear(fields.year ?? NaN, (fields.month ?? NaN) - 1, fields.day ?? NaN);
  d.setUTCHours((fields.hour ?? NaN) % 24, fields.minute ?? NaN, fields.second ?? NaN, 0);
  return d.getTime() + (instantMs - wholeSecond);
}

/** Offset of the zone from UTC at `instantMs`, in milliseconds (Brasília today: -3 h = -10 800 000). */
export function offsetAt(instantMs: number, timeZone: string): number {
  return wallTimeOf(instantMs, timeZone) - instantMs;
}

/**
 * The instant at which the zone's clocks show wall time `wallMs`.
 *
 * Disambiguation follows Temporal's 'compatible' mode:
 * - a wall time repeated when clocks go back (overlap) resolves to the EARLIER instant;
 * - a wall time skipped when clocks go forward (gap) is read with the offset in force before the
 *   transition, which lands just as far after the gap (New York 02:30 on a spring-forward day → 03:30).
 * Assumes at most one offset transition within a day of `wallMs`, true for every real zone.
 * For single points (e.g. a local date-time typed by a user); business ranges use
 * instantRangesOfWallRange, which keeps both passes of a repeated wall time.
 */
export function instantOfWallTime(wallMs: number, timeZone: string): number {
  const offsetBefore = offsetAt(wallMs - DAY_MS, timeZone);
  const offsetAfter = offsetAt(wallMs + DAY_MS, timeZone);
  const early = wallMs - offsetBefore;
  const late = wallMs - offsetAfter;
  const earlyOk = wallTimeOf(early, timeZone) === wallMs;
  const lateOk = wallTimeOf(late, timeZone) === wallMs;
  if (earlyOk && lateOk) return Math.min(early, late);
  if (earlyOk) return early;
  if (lateOk) return late;
  return early; // gap
}

const BEYOND_ANY_OFFSET_MS = 15 * 3_600_000; // real offsets lie within -12 h … +14 h

/** The zone's offsets around one local date: `before` until instant `transitionAt`, `after` from it on. */
export interface OffsetsAroundDay {
  before: number;
  after: number;
  /** First instant with the `after` offset; +Infinity when the offset does not change. */
  transitionAt: number;
}

/**
 * Offsets in force around local date `day` (a day number), from well before its 00:00 to well after
 * its 24:00. Assumes at most one offset transition in that window, true for every real zone. The usual
 * no-change case costs two Intl calls; a transition day adds a binary search for the exact instant.
 */
export function offsetsAroundDay(day: number, timeZone: string): OffsetsAroundDay {
  let lo = day * DAY_MS - BEYOND_ANY_OFFSET_MS;
  let hi = (day + 1) * DAY_MS + BEYOND_ANY_OFFSET_MS;
  const before = offsetAt(lo, timeZone);
  const after = offsetAt(hi, timeZone);
  if (before === after) return { before, after, transitionAt: Number.POSITIVE_INFINITY };
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return { before, after, transitionAt: hi };
}

/**
 * All instants at which the zone's clocks show a wall time in [wallStart, wallEnd) — both within the
 * day whose `offsets` are given — as at most two sorted, disjoint, non-touching instant ranges. Wall times skipped
 * by a DST gap have no instant; wall times repeated by an overlap have two.
 */
export function instantRangesOfWallRange(
  wallStart: number,
  wallEnd: number,
  offsets: OffsetsAroundDay,
): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const { before, after, transitionAt } = offsets;
  const start1 = wallStart - before;
  const end1 = Math.min(wallEnd - before, transitionAt);
  if (start1 < end1) ranges.push([start1, end1]);
  if (transitionAt !== Number.POSITIVE_INFINITY) {
    const start2 = Math.max(wallStart - after, transitionAt);
    const end2 = wallEnd - after;
    const last = ranges[0];
    if (start2 < end2 && last && last[1] === start2) last[1] = end2;
    else if (start2 < end2) ranges.push([start2, end2]);
  }
  return ranges;
}

/** Day number (see local-date.ts) of the local date in `timeZone` at `instantMs`. */
export function localDayNumberAt(instantMs: number, timeZone: string): number {
  return Math.floor(wallTimeOf(instantMs, timeZone) / DAY_MS);
}
