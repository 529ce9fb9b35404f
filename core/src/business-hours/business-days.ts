/**
 * Business days: whole local dates of a business calendar that are not off (see isDayOff). For
 * deadlines counted in days ("answered within 3 business days"), next to business hours (engine.ts).
 *
 * - addBusinessDays(from, n): the same wall-clock time of the calendar's zone, n business days later;
 *   each business date after the local date of `from` counts one, days off count nothing. From a
 *   Friday, 1 business day is the next Monday (Tuesday when Monday is a holiday); from a Saturday, it
 *   is also Monday. n = 0 returns `from` unchanged.
 * - businessDaysBetween(a, b): the business dates after the local date of `a`, up to and including
 *   the local date of `b`; 0 when b's date is not after a's. For any n >= 0,
 *   businessDaysBetween(s, addBusinessDays(s, n)) === n.
 * The calendar defaults to defaultCalendar(): Brasília, Monday–Friday, national public holidays.
 */
import { DAY_MS, localDateOf, requireDayNumber } from '../time/local-date.ts';
import { instantOfWallTime, localDayNumberAt, wallTimeOf } from '../time/zone.ts';
import { type BusinessCalendar, defaultCalendar } from './calendar.ts';
import { type CompiledCalendar, compileCalendar, isDayOffNumber } from './schedule.ts';

/** Consecutive days off after which a calendar is deemed to have no business day at all. */
const MAX_IDLE_DAYS = 1_000;

function instantOf(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`${what}: data/hora inválida.`);
  return t;
}

function dayCount(days: number): number {
  if (!Number.isInteger(days) || days < 0 || days > 100_000) {
    throw new RangeError(`O número de dias úteis deve ser um inteiro de 0 a 100000 (recebido: ${days}).`);
  }
  return days;
}

/** Day number of the n-th business day after day number `day`. */
function stepBusinessDays(c: CompiledCalendar, day: number, days: number): number {
  let current = day;
  let left = days;
  let idle = 0;
  while (left > 0) {
    current += 1;
    if (isDayOffNumber(c, current)) {
      idle += 1;
      if (idle > MAX_IDLE_DAYS) {
        throw new Error(
          `O calendário não tem dia útil em ${MAX_IDLE_DAYS} dias seguidos; verifique dias da semana e folgas.`,
        );
      }
    } else {
      idle = 0;
      left -= 1;
    }
  }
  return current;
}

/** True when local date 'YYYY-MM-DD' is a business day of the calendar. */
export function isBusinessDay(localDate: string, cal: BusinessCalendar = defaultCalendar()): boolean {
  return !isDayOffNumber(compileCalendar(cal), requireDayNumber(localDate));
}

/** True when the calendar's local date at instant `at` is a business day. */
export function isBusinessDayAt(at: Date, cal: BusinessCalendar = defaultCalendar()): boolean {
  const c = compileCalendar(cal);
  return !isDayOffNumber(c, localDayNumberAt(instantOf(at, 'Instante'), c.timeZone));
}

/** The local date 'YYYY-MM-DD' that is `days` business days after `localDate` (see module doc). */
export function addBusinessDaysToDate(localDate: string, days: number, cal: BusinessCalendar = defaultCalendar()): string {
  const n = dayCount(days);
  return localDateOf(stepBusinessDays(compileCalendar(cal), requireDayNumber(localDate), n));
}

/** The first business date after `localDate` ('YYYY-MM-DD'). */
export function nextBusinessDay(localDate: string, cal: BusinessCalendar = defaultCalendar()): string {
  return addBusinessDaysToDate(localDate, 1, cal);
}

/** The instant `days` business days after `from`, at the same wall-clock time (see module doc). */
export function addBusinessDays(from: Date, days: number, cal: BusinessCalendar = defaultCalendar()): Date {
  const start = instantOf(from, 'Início');
  const n = dayCount(days);
  if (n === 0) return new Date(start);
  const c = compileCalendar(cal);
  const wall = wallTimeOf(start, c.timeZone);
  const day = Math.floor(wall / DAY_MS);
  const target = stepBusinessDays(c, day, n);
  return new Date(instantOfWallTime(wall + (target - day) * DAY_MS, c.timeZone));
}

/** Business dates in (local date of `a`, local date of `b`]; 0 when b's date is not after a's. */
export function businessDaysBetween(a: Date, b: Date, cal: BusinessCalendar = defaultCalendar()): number {
  const c = compileCalendar(cal);
  const first = localDayNumberAt(instantOf(a, 'Início'), c.timeZone);
  const last = localDayNumberAt(instantOf(b, 'Fim'), c.timeZone);
  if (last - first > 36_600) throw new RangeError('Período longo demais: mais de 100 anos de calendário.');
  let count = 0;
  for (let day = first + 1; day <= last; day++) if (!isDayOffNumber(c, day)) count += 1;
  return count;
}
