/**
 * The nightly backup's times: a local wall-clock time ("02:00") in an IANA time zone
 * (America/Sao_Paulo by default), turned into instants with the platform's Intl time-zone data.
 */
export interface DailySchedule {
  time: string;
  timeZone: string;
}

interface LocalDate {
  year: number;
  month: number;
  day: number;
}

function localParts(instant: Date, timeZone: string): LocalDate & { hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** Minutes the zone is ahead of UTC at `instant` (São Paulo: −180). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a local date and time happen in `timeZone`. */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  let instant = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  const corrected = wall - offsetMinutes(new Date(instant), timeZone) * 60_000;
  if (corrected !== instant) instant = corrected;
  return new Date(instant);
}

function shiftDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The latest scheduled instant at or before `now`. */
export function currentSlot(schedule: DailySchedule, now: Date): Date {
  const today = localParts(now, schedule.timeZone);
  const candidate = zonedInstant(today, schedule.time, schedule.timeZone);
  return candidate.getTime() <= now.getTime() ? candidate : zonedInstant(shiftDays(today, -1), schedule.time, schedule.timeZone);
}

/** The first scheduled instant after `now`. */
export function nextSlot(schedule: DailySchedule, now: Date): Date {
  const today = localParts(now, schedule.timeZone);
  const candidate = zonedInstant(today, schedule.time, schedule.timeZone);
  return candidate.getTime() > now.getTime() ? candidate : zonedInstant(shiftDays(today, 1), schedule.time, schedule.timeZone);
}

/** The local calendar day ("2026-12-02") and ISO week ("2026-W49") of an instant, for retention. */
export function localDay(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function localIsoWeek(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
