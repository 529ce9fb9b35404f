/**
 * The business calendar: when a support team works. A plain, JSON-serialisable value that a reseller
 * edits on a settings screen; treat it as immutable.
 */
import { isOptionalHolidayKey, type OptionalHolidayKey } from '../time/holiday-kinds.ts';
import { dayNumberOf, parseClock } from '../time/local-date.ts';
import { isValidTimeZone } from '../time/zone.ts';

export interface WorkingInterval {
  /** 'HH:MM', 00:00–23:59. */
  start: string;
  /** 'HH:MM', after `start`; '24:00' means the end of the day. */
  end: string;
}

export interface BusinessCalendar {
  /** IANA zone in which intervals, weekdays and dates are read. */
  timeZone: string;
  /** Working intervals of every working day: sorted, non-overlapping (touching is allowed). */
  intervals: readonly WorkingInterval[];
  /** ISO weekdays worked: 1 = Monday … 7 = Sunday. */
  weekdays: readonly number[];
  /** Non-public Brazilian days to take off (see listOptionalHolidayKinds). */
  optionalHolidays: readonly OptionalHolidayKey[];
  /** Whole local dates 'YYYY-MM-DD' off, added by an admin. */
  extraDaysOff: readonly string[];
}

export interface CalendarError {
  /** Field path, e.g. 'intervals[1].end'. */
  path: string;
  /** pt-BR message for the user. */
  message: string;
}

/** SLA calendar of the support contract: 08:30–12:00 and 13:30–18:00 Brasília time, Monday–Friday. */
export function defaultCalendar(): BusinessCalendar {
  return {
    timeZone: 'America/Sao_Paulo',
    intervals: [
      { start: '08:30', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ],
    weekdays: [1, 2, 3, 4, 5],
    optionalHolidays: [],
    extraDaysOff: [],
  };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function validateIntervals(value: unknown, errors: CalendarError[]): void {
  if (!Array.isArray(value)) {
    errors.push({ path: 'intervals', message: 'Os intervalos de atendimento devem ser uma lista.' });
    return;
  }
  if (value.length === 0) {
    errors.push({ path: 'intervals', message: 'Informe ao menos um intervalo de atendimento.' });
    return;
  }
  let previousEnd: number | null = null;
  value.forEach((item: unknown, i) => {
    const label = `Intervalo ${i + 1}`;
    if (!isRecord(item)) {
      errors.push({ path: `intervals[${i}]`, message: `${label}: informe início e fim.` });
      previousEnd = null;
      return;
    }
    const start = typeof item.start === 'string' ? parseClock(item.start) : null;
    const end = typeof item.end === 'string' ? parseClock(item.end, true) : null;
    if (start === null) {
      errors.push({
        path: `intervals[${i}].start`,
        message: `${label}: início deve estar no formato HH:MM (00:00 a 23:59).`,
      });
    }
    if (end === null) {
      errors.push({
        path: `intervals[${i}].end`,
        message: `${label}: fim deve estar no formato HH:MM (00:01 a 24:00).`,
      });
    }
    if (start === null || end === null) {
      previousEnd = null;
      return;
    }
    if (start >= end) {
      errors.push({ path: `intervals[${i}]`, message: `${label}: o início deve ser anterior ao fim.` });
    } else if (previousEnd !== null && start < previousEnd) {
      errors.push({
        path: `intervals[${i}]`,
        message: `${label}: deve começar depois do fim do intervalo ${i} (em ordem e sem sobreposição).`,
      });
    }
    previousEnd = end;
  });
}

function validateWeekdays(value: unknown, errors: CalendarError[]): void {
  if (!Array.isArray(value)) {
    errors.push({ path: 'weekdays', message: 'Os dias da semana devem ser uma lista.' });
    return;
  }
  if (value.length === 0) {
    errors.push({ path: 'weekdays', message: 'Selecione ao menos um dia da semana.' });
    return;
  }
  const seen = new Set<number>();
  value.forEach((d: unknown, i) => {
    if (typeof d !== 'number' || !Number.isInteger(d) || d < 1 || d > 7) {
      errors.push({ path: `weekdays[${i}]`, message: 'Dia da semana inválido: use 1 (segunda) a 7 (domingo).' });
    } else if (seen.has(d)) {
      errors.push({ path: `weekdays[${i}]`, message: 'Dia da semana repetido.' });
    } else {
      seen.add(d);
    }
  });
}

function validateOptionalHolidays(value: unknown, errors: CalendarError[]): void {
  if (!Array.isArray(value)) {
    errors.push({ path: 'optionalHolidays', message: 'Os pontos facultativos devem ser uma lista.' });
    return;
  }
  value.forEach((k: unknown, i) => {
    if (!isOptionalHolidayKey(k)) {
      errors.push({ path: `optionalHolidays[${i}]`, message: `Ponto facultativo desconhecido: ${JSON.stringify(k)}.` });
    }
  });
}

function validateExtraDaysOff(value: unknown, errors: CalendarError[]): void {
  if (!Array.isArray(value)) {
    errors.push({ path: 'extraDaysOff', message: 'As folgas adicionais devem ser uma lista.' });
    return;
  }
  value.forEach((d: unknown, i) => {
    if (typeof d !== 'string' || dayNumberOf(d) === null) {
      errors.push({ path: `extraDaysOff[${i}]`, message: `Data inválida: ${JSON.stringify(d)} (use AAAA-MM-DD).` });
    }
  });
}

/** Problems of a calendar (e.g. read from settings), in pt-BR; an empty list means it is valid. */
export function validateCalendar(c: unknown): CalendarError[] {
  const errors: CalendarError[] = [];
  if (!isRecord(c)) return [{ path: '', message: 'Calendário de atendimento ausente ou inválido.' }];
  if (typeof c.timeZone !== 'string' || !isValidTimeZone(c.timeZone)) {
    errors.push({
      path: 'timeZone',
      message: `Fuso horário inválido: ${JSON.stringify(c.timeZone)} (ex.: America/Sao_Paulo).`,
    });
  }
  validateIntervals(c.intervals, errors);
  validateWeekdays(c.weekdays, errors);
  validateOptionalHolidays(c.optionalHolidays, errors);
  validateExtraDaysOff(c.extraDaysOff, errors);
  return errors;
}
