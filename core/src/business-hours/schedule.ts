/**
 * Working time of one local date of a calendar, as UTC instant ranges: the calendar's intervals on a
 * worked weekday, minus holiday closures and extra days off, converted through the calendar's zone.
 */
import { type BusinessCalendar, validateCalendar } from './calendar.ts';
import { closuresOnDay, coversWholeDay, type HolidayClosure } from '../time/holidays.ts';
import { DAY_MS, MINUTE_MS, dayNumberOf, isoWeekdayOf, parseClock } from '../time/local-date.ts';
import { instantRangesOfWallRange, offsetsAroundDay } from '../time/zone.ts';

/** Half-open range [start, end): minutes of a day, or epoch milliseconds. */
export type Range = readonly [number, number];

export interface CompiledCalendar {
  timeZone: string;
  /** Working intervals in minutes since local midnight. */
  intervals: readonly Range[];
  weekdays: ReadonlySet<number>;
  optionalHolidays: ReadonlySet<string>;
  extraDaysOff: ReadonlySet<number>;
  /** Memo of workingRangesOnDay, bounded. */
  days: Map<number, readonly Range[]>;
}

const MAX_COMPILED = 64;
const MAX_DAYS_MEMO = 20_000;
const compiledByJson = new Map<string, CompiledCalendar>();

/**
 * Validates and pre-parses a calendar; throws an Error with the pt-BR problems if it is invalid.
 * Memoised by the calendar's JSON text, so mutating a calendar object is safe (just slower).
 */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  const json = JSON.stringify(cal);
  const hit = compiledByJson.get(json);
  if (hit) return hit;
  const errors = validateCalendar(cal);
  if (errors.length > 0) {
    throw new Error(`Calendário de atendimento inválido: ${errors.map((e) => e.message).join(' ')}`);
  }
  const compiled: CompiledCalendar = {
    timeZone: cal.timeZone,
    intervals: cal.intervals.map((i) => [parseClock(i.start) ?? 0, parseClock(i.end, true) ?? 0] as const),
    weekdays: new Set(cal.weekdays),
    optionalHolidays: new Set(cal.optionalHolidays),
    extraDaysOff: new Set(cal.extraDaysOff.map((d) => dayNumberOf(d) ?? NaN)),
    days: new Map(),
  };
  if (compiledByJson.size >= MAX_COMPILED) compiledByJson.clear();
  compiledByJson.set(json, compiled);
  return compiled;
}

/** Minute ranges left of `intervals` once `closures` are removed. */
export function subtractClosures(intervals: readonly Range[], closures: readonly HolidayClosure[]): Range[] {
  let result: Range[] = [...intervals];
  for (const { startMinute, endMinute } of closures) {
    result = result.flatMap(([s, e]): Range[] => {
      const parts: Range[] = [];
      if (startMinute > s) parts.push([s, Math.min(e, startMinute)]);
      if (endMinute < e) parts.push([Math.max(s, endMinute), e]);
      return parts.filter(([a, b]) => a < b);
    });
  }
  return result;
}

/**
 * True when the whole local date `day` is off: a weekday not worked, one of the extra days off, or
 * holidays (national public ones, enabled optional ones) that close the whole day. A partial closure
 * (Ash Wednesday until 14:00) leaves a business day.
 */
export function isDayOffNumber(c: CompiledCalendar, day: number): boolean {
  if (!c.weekdays.has(isoWeekdayOf(day)) || c.extraDaysOff.has(day)) return true;
  return coversWholeDay(closuresOnDay(day, c.optionalHolidays));
}

function computeDay(c: CompiledCalendar, day: number): Range[] {
  if (isDayOffNumber(c, day)) return [];
  const closures = closuresOnDay(day, c.optionalHolidays);
  // An instant is working time when the zone's clocks then show a working wall time of this day, so
  // through a DST change a skipped wall time counts for nothing and a repeated one counts twice.
  const offsets = offsetsAroundDay(day, c.timeZone);
  const pieces = subtractClosures(c.intervals, closures)
    .flatMap(([startMin, endMin]) =>
      instantRangesOfWallRange(day * DAY_MS + startMin * MINUTE_MS, day * DAY_MS + endMin * MINUTE_MS, offsets),
    )
    .sort((a, b) => a[0] - b[0]);
  const ranges: Array<[number, number]> = [];
  for (const [start, end] of pieces) {
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  return ranges;
}

/** Working time of local date `day` (a day number) as sorted, disjoint instant ranges. */
export function workingRangesOnDay(c: CompiledCalendar, day: number): readonly Range[] {
  const hit = c.days.get(day);
  if (hit) return hit;
  const ranges = computeDay(c, day);
  if (c.days.size >= MAX_DAYS_MEMO) c.days.clear();
  c.days.set(day, ranges);
  return ranges;
}
