/**
 * Deadline arithmetic of the migration plugin, on core's business days (Monday to Friday except
 * Brazil's national public holidays, in Brasília time; `@painel/core/plugin`). Every deadline ends at
 * the end of a local day: "within 1 business day" of a request made on a Friday is the end of Monday.
 */
import {
  addBusinessDaysToDate,
  addLocalDays,
  endOfLocalDay as exclusiveEndOfLocalDay,
  isBusinessDay,
  localDate,
  localInstant as coreLocalInstant,
  nationalHolidayOn,
} from '@painel/core/plugin';

export { isBusinessDay };

/** The last millisecond of a local date (shown as "23:59"; core's end of day is the next midnight, exclusive). */
export const endOfLocalDay = (date: string): Date => new Date(exclusiveEndOfLocalDay(date).getTime() - 1);

/** The local date (YYYY-MM-DD) of an instant, in Brasília time. */
export const localDateOf = (instant: Date): string => localDate(instant);

/** The instant of a local wall time: a date (YYYY-MM-DD) and "HH:MM". */
export function localInstant(date: string, time = '00:00'): Date {
  const [h, m] = time.split(':').map(Number);
  return coreLocalInstant(date, h ?? 0, m ?? 0);
}

/** A local date moved by whole calendar days. */
export const shiftDate = (date: string, days: number): string => addLocalDays(date, days);

/** The national holiday on a local date, or null. */
export const holidayOn = (date: string): string | null => nationalHolidayOn(date);

/** The end of the n-th business day after the local date of `from` (n ≥ 1). */
export function addBusinessDays(from: Date, n: number): Date {
  return endOfLocalDay(addBusinessDaysToDate(localDateOf(from), n));
}

/** The end of the local day n calendar days after `from` ("open 15 days", "two weeks to check"). */
export function addCalendarDays(from: Date, n: number): Date {
  return endOfLocalDay(addLocalDays(localDateOf(from), n));
}
