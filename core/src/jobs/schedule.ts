import { isValidTimeZone, offsetAt as zoneOffsetMs } from '../time/zone.ts';
import type { JobSchedule } from './types.ts';

const minute = 60_000;
const dailyPattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const defaultTimeZone = 'America/Sao_Paulo';

/** A pt-BR reason when the schedule is not valid, else null. */
export function scheduleProblem(schedule: JobSchedule | undefined): string | null {
  if (!schedule || typeof schedule !== 'object') return 'precisa de { everyMinutes } ou { dailyAt }';
  if ('everyMinutes' in schedule) {
    const every = schedule.everyMinutes;
    return Number.isInteger(every) && every >= 1 && every <= 7 * 24 * 60 ? null : 'precisa de everyMinutes inteiro entre 1 e 10080';
  }
  if (!('dailyAt' in schedule) || !dailyPattern.test(String(schedule.dailyAt))) return 'precisa de dailyAt no formato HH:MM (00:00 a 23:59)';
  if (!isValidTimeZone(schedule.timeZone ?? defaultTimeZone)) return `tem um fuso horário desconhecido "${schedule.timeZone}"`;
  return null;
}

/** The instant of the wall-clock time `hh:mm` on the zone's calendar day `day` (UTC midnight of it). */
function wallClock(dayUtcMidnight: number, hh: number, mm: number, timeZone: string): number {
  const guess = dayUtcMidnight + hh * 60 * minute + mm * minute;
  const first = guess - zoneOffsetMs(guess, timeZone);
  // Across a DST change the offset at the result may differ from the guess's: correct once.
  return guess - zoneOffsetMs(first, timeZone);
}

/** The first run strictly after `after`. */
export function nextRunAfter(schedule: JobSchedule, after: Date): Date {
  if ('everyMinutes' in schedule) return new Date(after.getTime() + schedule.everyMinutes * minute);
  const [hh, mm] = schedule.dailyAt.split(':').map(Number) as [number, number];
  const timeZone = schedule.timeZone ?? defaultTimeZone;
  const local = after.getTime() + zoneOffsetMs(after.getTime(), timeZone);
  const day = Math.floor(local / (24 * 60 * minute)) * 24 * 60 * minute;
  for (let d = 0; d < 3; d++) {
    const at = wallClock(day + d * 24 * 60 * minute, hh, mm, timeZone);
    if (at > after.getTime()) return new Date(at);
  }
  throw new Error('unreachable: no daily run within three days');
}

/** When a schedule first runs: at once for `everyMinutes`, at the next HH:MM for `dailyAt`. */
export function firstRun(schedule: JobSchedule, now: Date): Date {
  return 'everyMinutes' in schedule ? now : nextRunAfter(schedule, now);
}

/** pt-BR description for the plugins page ("a cada hora", "todo dia às 02:00 (Brasília)"). */
export function describeSchedule(schedule: JobSchedule): string {
  if ('everyMinutes' in schedule) {
    const minutes = schedule.everyMinutes;
    if (minutes % 1440 === 0) return minutes === 1440 ? 'uma vez por dia' : `a cada ${minutes / 1440} dias`;
    if (minutes % 60 === 0) return minutes === 60 ? 'a cada hora' : `a cada ${minutes / 60} horas`;
    return minutes === 1 ? 'a cada minuto' : `a cada ${minutes} minutos`;
  }
  const zone = schedule.timeZone ?? defaultTimeZone;
  return `todo dia às ${schedule.dailyAt}${zone === defaultTimeZone ? ' (Brasília)' : ` (${zone})`}`;
}
