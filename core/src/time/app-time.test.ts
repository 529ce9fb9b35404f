import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDateTimeSeconds, formatTime, formatWeekdayShort } from '../ui/format.ts';
import {
  addLocalDays,
  appTimeZone,
  endOfLocalDay,
  isoWeekday,
  localDate,
  localDaysBetween,
  localInstant,
  localParts,
  startOfLocalDay,
} from './app-time.ts';

describe('the app zone, Brasília', () => {
  it('is America/Sao_Paulo', () => {
    expect(appTimeZone).toBe('America/Sao_Paulo');
  });

  it('starts and ends a local day at 03:00 UTC today (no DST since 2019)', () => {
    expect(startOfLocalDay('2026-03-02').toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(startOfLocalDay({ year: 2026, month: 3, day: 2 }).toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(endOfLocalDay('2026-02-28').toISOString()).toBe('2026-03-01T03:00:00.000Z');
    expect(endOfLocalDay('2026-12-31').toISOString()).toBe('2027-01-01T03:00:00.000Z');
  });

  it('follows the zone rules for past dates with daylight saving time (not a fixed UTC−3)', () => {
    // Summer time 2018/2019: UTC−2 on 15/01/2019.
    expect(startOfLocalDay('2019-01-15').toISOString()).toBe('2019-01-15T02:00:00.000Z');
    // 04/11/2018: clocks jumped from 00:00 to 01:00, so the day began at 01:00 local (03:00 UTC).
    expect(startOfLocalDay('2018-11-04').toISOString()).toBe('2018-11-04T03:00:00.000Z');
    expect(endOfLocalDay('2018-11-03').toISOString()).toBe('2018-11-04T03:00:00.000Z');
  });

  it('gives the local date and parts of an instant', () => {
    expect(localDate(new Date('2026-03-07T02:59:59Z'))).toBe('2026-03-06');
    expect(localDate(new Date('2026-03-07T03:00:00Z'))).toBe('2026-03-07');
    expect(localParts(new Date('2026-03-06T20:05:09Z'))).toEqual({
      year: 2026,
      month: 3,
      day: 6,
      hour: 17,
      minute: 5,
      second: 9,
      weekday: 5,
      date: '2026-03-06',
      time: '17:05',
    });
    expect(localParts(new Date('2026-03-08T12:00:00Z')).weekday).toBe(7);
  });

  it('builds the instant of a local date and time', () => {
    expect(localInstant('2026-03-04', 9, 30).toISOString()).toBe('2026-03-04T12:30:00.000Z');
    expect(localInstant('2019-01-15', 9, 30).toISOString()).toBe('2019-01-15T11:30:00.000Z');
    expect(() => localInstant('2026-03-04', 24, 0)).toThrow(/Horário inválido/);
    expect(() => localInstant('2026-02-30', 9, 0)).toThrow(/Data inválida/);
  });

  it('adds and counts local days across months and years', () => {
    expect(addLocalDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addLocalDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(localDaysBetween('2026-12-25', '2027-01-01')).toBe(7);
    expect([isoWeekday('2026-03-02'), isoWeekday('2026-03-08'), isoWeekday('2026-09-07')]).toEqual([1, 7, 1]);
  });
});

describe('pt-BR formatting in Brasília time', () => {
  const instant = new Date('2026-03-02T12:00:05Z');
  it('dd/mm/aaaa, HH:mm and dd/mm/aaaa HH:mm', () => {
    expect(formatDate(instant)).toBe('02/03/2026');
    expect(formatTime(instant)).toBe('09:00');
    expect(formatDateTime(instant)).toBe('02/03/2026 09:00');
    expect(formatDateTimeSeconds(instant)).toBe('02/03/2026 09:00:05');
    expect(formatDate(new Date('2026-03-03T02:30:00Z'))).toBe('02/03/2026');
    expect(formatWeekdayShort(instant)).toBe('seg.');
  });
});
