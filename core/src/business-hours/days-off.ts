/** Which local dates of a business calendar are off, whole or in part. */
import { closuresOnDay, type HolidayClosure } from '../time/holidays.ts';
import { requireDayNumber } from '../time/local-date.ts';
import type { BusinessCalendar } from './calendar.ts';
import { compileCalendar, isDayOffNumber } from './schedule.ts';

/** Holidays that close (part of) `localDate` ('YYYY-MM-DD') for this calendar. */
export function holidayClosuresOn(localDate: string, cal: BusinessCalendar): HolidayClosure[] {
  return closuresOnDay(requireDayNumber(localDate), new Set(cal.optionalHolidays));
}

/**
 * True when the whole local date is off for this calendar: a weekday not worked, a national public
 * holiday, an optional holiday enabled in `cal.optionalHolidays` that lasts the whole day, or one of
 * `cal.extraDaysOff`. Partial closures (e.g. Ash Wednesday until 14:00) do not make a day off.
 */
export function isDayOff(localDate: string, cal: BusinessCalendar): boolean {
  return isDayOffNumber(compileCalendar(cal), requireDayNumber(localDate));
}
