import { addLocalDays, localDate, localInstant, localParts } from '../time/app-time.ts';

/**
 * The nightly backup's times: a local wall-clock time ("02:00") in an IANA time zone
 * (America/Sao_Paulo by default), turned into instants with core's zone arithmetic (core/src/time).
 */
export interface DailySchedule {
  time: string;
  timeZone: string;
}

function at(date: string, schedule: DailySchedule): Date {
  const [hour, minute] = schedule.time.split(':').map(Number) as [number, number];
  return localInstant(date, hour, minute, schedule.timeZone);
}

/** The latest scheduled instant at or before `now`. */
export function currentSlot(schedule: DailySchedule, now: Date): Date {
  const today = localDate(now, schedule.timeZone);
  const candidate = at(today, schedule);
  return candidate.getTime() <= now.getTime() ? candidate : at(addLocalDays(today, -1), schedule);
}

/** The first scheduled instant after `now`. */
export function nextSlot(schedule: DailySchedule, now: Date): Date {
  const today = localDate(now, schedule.timeZone);
  const candidate = at(today, schedule);
  return candidate.getTime() > now.getTime() ? candidate : at(addLocalDays(today, 1), schedule);
}

/** The ISO week ("2026-W49") of an instant's local date, for retention. */
export function localIsoWeek(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const thursday = new Date(Date.UTC(p.year, p.month - 1, p.day + 4 - p.weekday));
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}
