/**
 * Brazilian national holidays, from `date-holidays` (`new Holidays('BR')`), as closed time on local dates.
 * One source for the whole app: the business calendar (business-hours/) and any screen that needs
 * "is this a holiday" (nationalHolidays, nationalHolidayOn) read it.
 *
 * - type 'public' (Ano Novo, Sexta-feira Santa, Tiradentes, Dia do Trabalhador, Independência,
 *   Nossa Senhora Aparecida, Finados, Proclamação da República, Consciência Negra (from 2024),
 *   Natal, election Sundays): always off;
 * - 'bank'/'optional' entries (Carnaval, Quarta-feira de Cinzas until 14:00, Corpus Christi, the
 *   afternoons of 24/12 and 31/12): off only when their key is in `cal.optionalHolidays`;
 * - observances (Páscoa, Dia das Mães, …): never off.
 * Partial days (Ash Wednesday until 14:00, Christmas/New Year's Eve from 14:00) close only that part of
 * the day. Holiday dates are read as local dates of the calendar's own zone.
 */
import { createRequire } from 'node:module';
import type Holidays from 'date-holidays';
import type { HolidaysTypes } from 'date-holidays';
import { optionalKindOfRule, type OptionalHolidayKey } from './holiday-kinds.ts';
import { DAY_MS, MINUTE_MS, MINUTES_PER_DAY, dayNumberOf, localDateOf, requireDayNumber, yearOf } from './local-date.ts';
import { wallTimeOf } from './zone.ts';


/** The zone date-holidays uses to compute BR holiday boundaries (its first BR zone). */
const HOLIDAYS_TIME_ZONE = 'America/Sao_Paulo';

/** Closed part of one local date caused by a holiday: minutes since midnight, [startMinute, endMinute). */
export interface HolidayClosure {
  localDate: string;
  startMinute: number;
  endMinute: number;
  /** pt-BR name given by date-holidays. */
  name: string;
  type: HolidaysTypes.HolidayType;
  /** null for public holidays, which are always off. */
  optionalKey: OptionalHolidayKey | null;
}

let source: Holidays | null = null;
const closuresByYear = new Map<number, Map<number, HolidayClosure[]>>();

function holidaysSource(): Holidays {
  if (!source) {
    // Required on first use: the package's calendar data takes ~0.3 s to load, which every start of
    // the app would otherwise pay before anything asks for a holiday.
    const HolidaysClass = createRequire(import.meta.url)('date-holidays') as typeof Holidays;
    source = new HolidaysClass('BR', { languages: 'pt', timezone: HOLIDAYS_TIME_ZONE });
  }
  return source;
}

/** Local wall time of the entry's start, from its 'YYYY-MM-DD hh:mm:ss' text. */
function wallStartOf(h: HolidaysTypes.Holiday): number {
  const day = dayNumberOf(h.date.slice(0, 10));
  const [hh, mm] = h.date.slice(11, 16).split(':').map(Number);
  if (day === null || hh === undefined || mm === undefined) {
    throw new Error(`date-holidays devolveu uma data inesperada: ${h.date}`);
  }
  return day * DAY_MS + (hh * 60 + mm) * MINUTE_MS;
}

/** Closures of one year's entries, keyed by day number (an entry may spill into the next year). */
function closuresOfYear(year: number): Map<number, HolidayClosure[]> {
  const cached = closuresByYear.get(year);
  if (cached) return cached;
  const byDay = new Map<number, HolidayClosure[]>();
  for (const h of holidaysSource().getHolidays(year, 'pt')) {
    const optionalKey = h.type === 'public' ? null : optionalKindOfRule(h.rule);
    if (h.type !== 'public' && optionalKey === null) continue;
    const wallStart = wallStartOf(h);
    const wallEnd = wallTimeOf(h.end.getTime(), HOLIDAYS_TIME_ZONE);
    for (let day = Math.floor(wallStart / DAY_MS); day * DAY_MS < wallEnd; day++) {
      const startMinute = Math.max(0, Math.round((wallStart - day * DAY_MS) / MINUTE_MS));
      const endMinute = Math.min(MINUTES_PER_DAY, Math.round((wallEnd - day * DAY_MS) / MINUTE_MS));
      if (startMinute >= endMinute) continue;
      const list = byDay.get(day) ?? [];
      list.push({ localDate: localDateOf(day), startMinute, endMinute, name: h.name, type: h.type, optionalKey });
      byDay.set(day, list);
    }
  }
  closuresByYear.set(year, byDay);
  return byDay;
}

/** Holiday closures of a day number that count for a calendar taking `optional` kinds off. */
export function closuresOnDay(day: number, optional: ReadonlySet<string>): HolidayClosure[] {
  const year = yearOf(day);
  const all = [...(closuresOfYear(year - 1).get(day) ?? []), ...(closuresOfYear(year).get(day) ?? [])];
  return all.filter((c) => c.optionalKey === null || optional.has(c.optionalKey));
}

/** True when closures cover the whole day, 00:00–24:00. */
export function coversWholeDay(closures: readonly HolidayClosure[]): boolean {
  const sorted = [...closures].sort((a, b) => a.startMinute - b.startMinute);
  let reached = 0;
  for (const c of sorted) {
    if (c.startMinute > reached) return false;
    reached = Math.max(reached, c.endMinute);
  }
  return reached >= MINUTES_PER_DAY;
}

/** A national public holiday (feriado nacional; not a "ponto facultativo"). */
export interface NationalHoliday {
  /** 'YYYY-MM-DD'. */
  localDate: string;
  /** pt-BR name given by date-holidays, e.g. "Dia da Independência". */
  name: string;
}

/** The national public holidays of `year`, in date order (Good Friday included, Carnaval not). */
export function nationalHolidays(year: number): NationalHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Ano inválido: ${year}.`);
  const list: NationalHoliday[] = [];
  for (const [day, closures] of closuresOfYear(year)) {
    const whole = closures.filter((c) => c.optionalKey === null);
    if (yearOf(day) === year && whole.length > 0 && coversWholeDay(whole)) {
      list.push({ localDate: localDateOf(day), name: whole.map((c) => c.name).join(' / ') });
    }
  }
  return list.sort((a, b) => a.localDate.localeCompare(b.localDate));
}

/** The name of the national public holiday on local date 'YYYY-MM-DD', or null when there is none. */
export function nationalHolidayOn(localDate: string): string | null {
  const day = requireDayNumber(localDate);
  const publicClosures = closuresOnDay(day, new Set());
  return coversWholeDay(publicClosures) ? publicClosures.map((c) => c.name).join(' / ') : null;
}
