/**
 * Deadline arithmetic in business days: Monday to Friday, except Brazil's national public holidays
 * (date-holidays, type 'public'), on local dates of America/Sao_Paulo. Every deadline ends at the end
 * of a local day: "within 1 business day" of a request made on a Friday is the end of Monday.
 * The one place the plugin counts days; it is to be replaced by core's business-day engine.
 */
import Holidays from 'date-holidays';

export const TIME_ZONE = 'America/Sao_Paulo';

const dateFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' });

/** The local date (YYYY-MM-DD) of an instant. */
export function localDateOf(instant: Date): string {
  return dateFormat.format(instant);
}

/** The zone's offset from UTC at an instant, in minutes (São Paulo: -180). */
function offsetMinutesAt(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant of a local wall time (YYYY-MM-DD, HH:MM[:SS.mmm]). */
export function localInstant(date: string, time = '00:00'): Date {
  const guess = new Date(`${date}T${time.length === 5 ? `${time}:00` : time}Z`);
  return new Date(guess.getTime() - offsetMinutesAt(guess) * 60_000);
}

/** The last millisecond of a local date. */
export function endOfLocalDay(date: string): Date {
  return localInstant(date, '23:59:59.999');
}

/** A local date moved by whole calendar days. */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

let holidays: Holidays | null = null;
const byYear = new Map<number, Map<string, string>>();

/** The national public holidays of a year: local date → pt-BR name. */
function publicHolidays(year: number): Map<string, string> {
  let map = byYear.get(year);
  if (!map) {
    holidays ??= new Holidays('BR', { languages: 'pt', timezone: TIME_ZONE });
    map = new Map(holidays.getHolidays(year, 'pt').filter((h) => h.type === 'public').map((h) => [h.date.slice(0, 10), h.name]));
    byYear.set(year, map);
  }
  return map;
}

/** The national holiday on a local date, or null. */
export function holidayOn(date: string): string | null {
  return publicHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}

export function isBusinessDay(date: string): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && holidayOn(date) === null;
}

/** The end of the n-th business day after the local date of `from` (n ≥ 1). */
export function addBusinessDays(from: Date, n: number): Date {
  let date = localDateOf(from);
  for (let left = n; left > 0; ) {
    date = shiftDate(date, 1);
    if (isBusinessDay(date)) left--;
  }
  return endOfLocalDay(date);
}

/** The end of the local day n calendar days after `from` ("open 15 days", "two weeks to check"). */
export function addCalendarDays(from: Date, n: number): Date {
  return endOfLocalDay(shiftDate(localDateOf(from), n));
}
