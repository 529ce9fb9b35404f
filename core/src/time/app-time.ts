/**
 * The app's time zone, Brasília (America/Sao_Paulo), and local dates and times in it. Brazil has had no
 * daylight saving time since 2019, but nothing here assumes a fixed offset: every conversion goes
 * through the zone's rules (Intl, zone.ts), so past dates with DST are right too.
 *
 * A local date is the text 'YYYY-MM-DD' (or a CalendarDate, as core's dd/mm/aaaa parser returns).
 */
import type { CalendarDate } from '../ui/calendar-date.ts';
import { DAY_MS, MINUTE_MS, isoWeekdayOf, localDateOf, requireDayNumber } from './local-date.ts';
import { instantOfWallTime, wallTimeOf } from './zone.ts';

export const appTimeZone = 'America/Sao_Paulo';

/** A local date-time's parts; `weekday` is ISO (1 = Monday … 7 = Sunday). */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
  /** 'YYYY-MM-DD'. */
  date: string;
  /** 'HH:mm'. */
  time: string;
}

const two = (n: number) => String(n).padStart(2, '0');

function dayNumberOfDate(date: string | CalendarDate): number {
  return requireDayNumber(typeof date === 'string' ? date : `${String(date.year).padStart(4, '0')}-${two(date.month)}-${two(date.day)}`);
}

/** The local date-time parts shown by the zone's clocks at `at`. */
export function localParts(at: Date, timeZone: string = appTimeZone): LocalParts {
  const wall = new Date(wallTimeOf(at.getTime(), timeZone));
  const day = Math.floor(wall.getTime() / DAY_MS);
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour,
    minute,
    second: wall.getUTCSeconds(),
    weekday: ((((day % 7) + 7 + 3) % 7) + 1),
    date: localDateOf(day),
    time: `${two(hour)}:${two(minute)}`,
  };
}

/** The local date 'YYYY-MM-DD' at instant `at` (e.g. "today" from the clock). */
export function localDate(at: Date, timeZone: string = appTimeZone): string {
  return localDateOf(Math.floor(wallTimeOf(at.getTime(), timeZone) / DAY_MS));
}

/** The first instant of a local date (its 00:00, or the first instant after a DST gap at midnight). */
export function startOfLocalDay(date: string | CalendarDate, timeZone: string = appTimeZone): Date {
  return new Date(instantOfWallTime(dayNumberOfDate(date) * DAY_MS, timeZone));
}

/** The end of a local date, exclusive: the first instant of the next date. Use as `at < end`. */
export function endOfLocalDay(date: string | CalendarDate, timeZone: string = appTimeZone): Date {
  return new Date(instantOfWallTime((dayNumberOfDate(date) + 1) * DAY_MS, timeZone));
}

/** The instant the zone's clocks show the local date and time (hour 0–23, minute 0–59). */
export function localInstant(date: string | CalendarDate, hour: number, minute: number, timeZone: string = appTimeZone): Date {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23 || !Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Horário inválido: ${hour}:${minute}.`);
  }
  return new Date(instantOfWallTime(dayNumberOfDate(date) * DAY_MS + (hour * 60 + minute) * MINUTE_MS, timeZone));
}

/** The local date `days` days after (or before, when negative) 'YYYY-MM-DD'. */
export function addLocalDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Número de dias inválido: ${days}.`);
  return localDateOf(requireDayNumber(date) + days);
}

/** ISO weekday of a local date 'YYYY-MM-DD': 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return isoWeekdayOf(requireDayNumber(date));
}

/** Whole days from local date `from` to local date `to` (negative when `to` is earlier). */
export function localDaysBetween(from: string, to: string): number {
  return requireDayNumber(to) - requireDayNumber(from);
}
