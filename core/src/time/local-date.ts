/**
 * Civil (zone-less) dates and clock times.
 *
 * A local date is the text 'YYYY-MM-DD'. Internally it is handled as a "day number": whole days since
 * 1970-01-01 in the proleptic Gregorian calendar, which makes "next day" and "weekday" plain integer
 * arithmetic, independent of any time zone.
 */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;
export const MINUTES_PER_DAY = 1440;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_RE = /^(\d{2}):(\d{2})$/;

/** Milliseconds of a UTC calendar date; correct for years 0–99 too (Date.UTC maps those to 19xx). */
function utcDateMs(year: number, month: number, day: number): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return d.getTime();
}

/** Day number of a 'YYYY-MM-DD' text, or null when the text is not a real calendar date. */
export function dayNumberOf(localDate: string): number | null {
  const m = DATE_RE.exec(localDate);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const ms = utcDateMs(year, month, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return ms / DAY_MS;
}

/** Day number of a 'YYYY-MM-DD' text; a RangeError with a pt-BR message when it is not a real date. */
export function requireDayNumber(localDate: string): number {
  const day = dayNumberOf(localDate);
  if (day === null) throw new RangeError(`Data inválida: ${JSON.stringify(localDate)} (use AAAA-MM-DD).`);
  return day;
}

/** 'YYYY-MM-DD' text of a day number. */
export function localDateOf(dayNumber: number): string {
  const d = new Date(dayNumber * DAY_MS);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
export function isoWeekdayOf(dayNumber: number): number {
  return ((((dayNumber % 7) + 7 + 3) % 7) + 1);
}

/** Calendar year of a day number. */
export function yearOf(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

/**
 * Minutes since midnight of an 'HH:MM' clock text (00:00–23:59), or null when malformed.
 * '24:00' is accepted only when `allowEndOfDay` is true (the end of a day, 1440).
 */
export function parseClock(text: string, allowEndOfDay = false): number | null {
  const m = CLOCK_RE.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (allowEndOfDay && h === 24 && min === 0) return MINUTES_PER_DAY;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}
