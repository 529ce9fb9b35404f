/** A calendar day as people type it in Brazil: "dd/mm/aaaa". One parser for every date field of the app. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/**
 * "05/03/2026" (also "5/3/2026") → 5 March 2026; a real day only (no 31/02). "2026-03-05" is read too, so
 * links and bookmarks made before every field used dd/mm/aaaa keep working. Anything else → null.
 */
export function parseCalendarDate(text: string): CalendarDate | null {
  const value = text.trim();
  const br = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [day, month, year] = br ? [br[1], br[2], br[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (!day || !month || !year) return null;
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  const probe = new Date(Date.UTC(date.year, date.month - 1, date.day));
  if (date.year < 1900 || probe.getUTCFullYear() !== date.year || probe.getUTCMonth() !== date.month - 1 || probe.getUTCDate() !== date.day) {
    return null;
  }
  return date;
}

const two = (n: number) => String(n).padStart(2, '0');

/** 5 March 2026 → "05/03/2026". */
export const formatCalendarDate = (d: CalendarDate): string => `${two(d.day)}/${two(d.month)}/${d.year}`;

/** 5 March 2026 → "2026-03-05" (for storage and for code that works on ISO days). */
export const isoCalendarDate = (d: CalendarDate): string => `${d.year}-${two(d.month)}-${two(d.day)}`;

/** Any accepted text → "dd/mm/aaaa", or the text unchanged when it is not a date (to show back with an error). */
export const asDateInputValue = (text: string): string => {
  const d = parseCalendarDate(text);
  return d ? formatCalendarDate(d) : text;
};
