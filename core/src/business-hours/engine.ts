/**
 * Business-time arithmetic on instants. All work is done in integer milliseconds and day by day
 * (never minute by minute), so 80 business hours or years of range cost a few dozen/thousand days.
 *
 * Semantics:
 * - An instant is business time when the calendar zone's clocks then show a time inside one of the
 *   half-open intervals [opening, closing) of a working local date: 08:30 and 13:30 are inside, 12:00
 *   and 18:00 outside. Across a DST change, wall times skipped by the clocks count for nothing and
 *   wall times shown twice count twice (an 01:00–02:00 interval on a fall-back night lasts 2 h).
 * - A working local date is a weekday in `cal.weekdays` that is not a national public holiday, an
 *   enabled optional holiday or an extra day off; partial optional holidays (Ash Wednesday until
 *   14:00, Christmas/New Year's Eve from 14:00) remove only that part of the day.
 * - addBusiness*(start, n): if start is outside business hours, counting begins at the next opening.
 *   The result is the instant at which the n-th unit ENDS, so a deadline may be exactly a closing time
 *   (11:00 + 1 h = 12:00, not 13:30). n = 0 returns `start` unchanged (nothing is due later than now);
 *   use nextBusinessInstant() to move a start to the next opening.
 * - businessMsBetween(a, b) is 0 when b <= a, and for every start s and n >= 0:
 *   businessMsBetween(s, addBusinessMs(s, n)) === n (n rounded to whole milliseconds).
 */
import type { BusinessCalendar } from './calendar.ts';
import { type CompiledCalendar, compileCalendar, workingRangesOnDay } from './schedule.ts';
import { MINUTE_MS } from '../time/local-date.ts';
import { localDayNumberAt } from '../time/zone.ts';

/** Consecutive days without any working time after which a calendar is deemed to have none. */
const MAX_IDLE_DAYS = 1_000;
/** Longest span, in days, that a single computation walks through (100 years). */
const MAX_SCAN_DAYS = 36_600;

const HOUR_MS = 3_600_000;

function instantOf(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`${what}: data/hora inválida.`);
  return t;
}

function amountOf(value: number, what: string): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} deve ser um número finito maior ou igual a zero (recebido: ${value}).`);
  }
  return value;
}

/**
 * Walks working ranges from the local day of `from` (starting one day earlier, to be safe around DST
 * changes at midnight), calling `visit(start, end)` until it returns true.
 */
function walkRanges(c: CompiledCalendar, from: number, visit: (start: number, end: number) => boolean): void {
  const firstDay = localDayNumberAt(from, c.timeZone) - 1;
  let idleDays = 0;
  for (let day = firstDay; day - firstDay <= MAX_SCAN_DAYS; day++) {
    const ranges = workingRangesOnDay(c, day);
    idleDays = ranges.length === 0 ? idleDays + 1 : 0;
    if (idleDays > MAX_IDLE_DAYS) {
      throw new Error(
        `O calendário de atendimento não tem horário útil em ${MAX_IDLE_DAYS} dias seguidos; ` +
          'verifique dias da semana, intervalos e folgas.',
      );
    }
    for (const [start, end] of ranges) {
      if (end > from && visit(Math.max(start, from), end)) return;
    }
  }
  throw new RangeError('Prazo longo demais: o cálculo ultrapassaria 100 anos de calendário.');
}

/** The instant `ms` business milliseconds after `start` (see module doc). */
export function addBusinessMs(start: Date, ms: number, cal: BusinessCalendar): Date {
  const from = instantOf(start, 'Início');
  let remaining = Math.round(amountOf(ms, 'A duração'));
  const c = compileCalendar(cal);
  if (remaining === 0) return new Date(from);
  let result = Number.NaN;
  walkRanges(c, from, (s, e) => {
    if (remaining <= e - s) {
      result = s + remaining;
      return true;
    }
    remaining -= e - s;
    return false;
  });
  return new Date(result);
}

/** The instant `minutes` business minutes after `start`; fractional minutes allowed. */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  return addBusinessMs(start, amountOf(minutes, 'Os minutos') * MINUTE_MS, cal);
}

/** The instant `hours` business hours after `start` (e.g. an SLA deadline). */
export function addBusinessHours(start: Date, hours: number, cal: BusinessCalendar): Date {
  return addBusinessMs(start, amountOf(hours, 'As horas') * HOUR_MS, cal);
}

/** `at` itself when inside business hours, otherwise the next opening. */
export function nextBusinessInstant(at: Date, cal: BusinessCalendar): Date {
  const from = instantOf(at, 'Instante');
  const c = compileCalendar(cal);
  let result = Number.NaN;
  walkRanges(c, from, (s) => {
    result = s;
    return true;
  });
  return new Date(result);
}

/** True when `at` falls inside business hours. */
export function isBusinessTime(at: Date, cal: BusinessCalendar): boolean {
  return nextBusinessInstant(at, cal).getTime() === instantOf(at, 'Instante');
}

/** Business milliseconds in [a, b); 0 when b <= a. */
export function businessMsBetween(a: Date, b: Date, cal: BusinessCalendar): number {
  const from = instantOf(a, 'Início');
  const to = instantOf(b, 'Fim');
  const c = compileCalendar(cal);
  if (to <= from) return 0;
  const firstDay = localDayNumberAt(from, c.timeZone) - 1;
  const lastDay = localDayNumberAt(to, c.timeZone);
  if (lastDay - firstDay > MAX_SCAN_DAYS) {
    throw new RangeError('Período longo demais: mais de 100 anos de calendário.');
  }
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    for (const [s, e] of workingRangesOnDay(c, day)) {
      total += Math.max(0, Math.min(e, to) - Math.max(s, from));
    }
  }
  return total;
}

/** Business minutes in [a, b), possibly fractional; 0 when b <= a. */
export function businessMinutesBetween(a: Date, b: Date, cal: BusinessCalendar): number {
  return businessMsBetween(a, b, cal) / MINUTE_MS;
}
