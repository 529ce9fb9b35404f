import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, defaultCalendar } from './calendar.ts';
import {
  addBusinessHours,
  addBusinessMinutes,
  addBusinessMs,
  businessMinutesBetween,
  businessMsBetween,
  isBusinessTime,
  nextBusinessInstant,
} from './engine.ts';
import { localDateOf } from '../time/local-date.ts';

const cal = defaultCalendar();
const d = (text: string) => new Date(text);
const iso = (date: Date) => date.toISOString();

// All instants are written with their Brasília offset (-03:00), independent of the code under test.
// Reference week: Mon 2026-03-02 … Fri 2026-03-06, Sat 07, Sun 08, Mon 09.
describe('addBusinessMinutes — default calendar (08:30–12:00, 13:30–18:00, Mon–Fri, Brasília)', () => {
  it.each([
    ['inside the morning', '2026-03-04T09:00-03:00', 60, '2026-03-04T10:00-03:00'],
    ['exactly at 08:30', '2026-03-04T08:30-03:00', 1, '2026-03-04T08:31-03:00'],
    ['a deadline may be exactly 12:00', '2026-03-04T11:00-03:00', 60, '2026-03-04T12:00-03:00'],
    ['exactly at 12:00 counts from 13:30', '2026-03-04T12:00-03:00', 1, '2026-03-04T13:31-03:00'],
    ['during lunch counts from 13:30', '2026-03-04T12:45-03:00', 30, '2026-03-04T14:00-03:00'],
    ['across lunch', '2026-03-04T11:30-03:00', 60, '2026-03-04T14:00-03:00'],
    ['exactly at 13:30', '2026-03-04T13:30-03:00', 270, '2026-03-04T18:00-03:00'],
    ['exactly at 18:00 counts from next morning', '2026-03-04T18:00-03:00', 1, '2026-03-05T08:31-03:00'],
    ['before opening', '2026-03-04T06:00-03:00', 30, '2026-03-04T09:00-03:00'],
    ['one minute before closing', '2026-03-04T17:59-03:00', 2, '2026-03-05T08:31-03:00'],
    ['a full day', '2026-03-04T08:30-03:00', 480, '2026-03-04T18:00-03:00'],
    ['Saturday → Monday', '2026-03-07T10:00-03:00', 60, '2026-03-09T09:30-03:00'],
    ['Sunday night → Monday', '2026-03-08T23:00-03:00', 210, '2026-03-09T12:00-03:00'],
    ['Friday 18:00 + 8 h → Monday 18:00', '2026-03-06T18:00-03:00', 480, '2026-03-09T18:00-03:00'],
    ['média: Friday 17:00 + 20 h → Wednesday 11:30', '2026-03-06T17:00-03:00', 1200, '2026-03-11T11:30-03:00'],
    ['fractional minutes', '2026-03-04T09:00-03:00', 1.5, '2026-03-04T09:01:30-03:00'],
    ['N = 0 returns start unchanged, even outside hours', '2026-03-07T10:00-03:00', 0, '2026-03-07T10:00-03:00'],
    ['Tiradentes (Tue 21/04/2026)', '2026-04-20T17:00-03:00', 480, '2026-04-22T17:00-03:00'],
    ['Good Friday (03/04/2026): long weekend', '2026-04-02T17:00-03:00', 480, '2026-04-06T17:00-03:00'],
    ['Christmas (Fri 25/12/2026)', '2026-12-24T17:00-03:00', 480, '2026-12-28T17:00-03:00'],
    ['New Year (Fri 01/01/2027)', '2026-12-31T17:00-03:00', 480, '2027-01-04T17:00-03:00'],
    ['Consciência Negra (Fri 20/11/2026)', '2026-11-19T17:00-03:00', 480, '2026-11-23T17:00-03:00'],
    ['Carnaval is worked by default', '2026-02-13T17:00-03:00', 480, '2026-02-16T17:00-03:00'],
    ['Corpus Christi is worked by default', '2026-06-03T17:00-03:00', 480, '2026-06-04T17:00-03:00'],
    ['baixa: 80 h from Monday 08:30 → Friday of next week 18:00', '2026-03-02T08:30-03:00', 4800, '2026-03-13T18:00-03:00'],
    ['baixa: 80 h across Good Friday', '2026-04-01T08:30-03:00', 4800, '2026-04-15T18:00-03:00'],
    ['baixa: 80 h across Tiradentes, three weeks', '2026-04-13T08:30-03:00', 4800, '2026-04-27T18:00-03:00'],
    ['baixa: 80 h across Christmas and New Year', '2026-12-21T08:30-03:00', 4800, '2027-01-05T18:00-03:00'],
  ])('%s', (_label, start, minutes, expected) => {
    expect(iso(addBusinessMinutes(d(start), minutes, cal))).toBe(iso(d(expected)));
  });
});

describe('optional holidays and extra days off', () => {
  const friday17 = d('2026-02-13T17:00-03:00');
  it.each([
    ['Carnaval off → Wednesday', ['carnaval'], friday17, 8, '2026-02-18T17:00-03:00'],
    // Fri 1 h; Mon/Tue off; Ash Wednesday 14:00–18:00 (4 h); Thursday 08:30–11:30 (3 h).
    ['Carnaval and Ash Wednesday morning off', ['carnaval', 'ashWednesday'], friday17, 8, '2026-02-19T11:30-03:00'],
    ['Ash Wednesday morning only', ['ashWednesday'], d('2026-02-17T17:00-03:00'), 8, '2026-02-19T11:30-03:00'],
    ['Ash Wednesday opens at 14:00', ['ashWednesday'], d('2026-02-18T08:00-03:00'), 1, '2026-02-18T15:00-03:00'],
    ['Corpus Christi off', ['corpusChristi'], d('2026-06-03T17:00-03:00'), 8, '2026-06-05T17:00-03:00'],
    // Thu 24/12 13:30–14:00 (30 min); Fri 25 Christmas; Mon 28 08:30 + 1 h 30.
    // Thu 31/12 11:00–12:00 and 13:30–14:00 (1 h 30); Fri 01/01 holiday; Mon 04/01 08:30 + 30 min.
    ['Christmas Eve afternoon off', ['christmasEve'], d('2026-12-24T13:00-03:00'), 2, '2026-12-28T10:00-03:00'],
    ['New Year’s Eve afternoon off', ['newYearsEve'], d('2026-12-31T11:00-03:00'), 2, '2027-01-04T09:00-03:00'],
  ] as const)('%s', (_label, optionalHolidays, start, hours, expected) => {
    const withOptional: BusinessCalendar = { ...cal, optionalHolidays };
    expect(iso(addBusinessHours(start, hours, withOptional))).toBe(iso(d(expected)));
  });

  it('an extra day off bridging Tiradentes makes a 5-day weekend', () => {
    const bridged = { ...cal, extraDaysOff: ['2026-04-20'] };
    const start = d('2026-04-17T17:00-03:00');
    expect(iso(addBusinessHours(start, 8, cal))).toBe(iso(d('2026-04-20T17:00-03:00')));
    expect(iso(addBusinessHours(start, 8, bridged))).toBe(iso(d('2026-04-22T17:00-03:00')));
  });
});

describe('instants given in UTC and in other zones', () => {
  it.each([
    ['UTC', '2026-03-06T20:00:00Z'],
    ['New York', '2026-03-06T15:00:00-05:00'],
    ['Tokyo (already Saturday there)', '2026-03-07T05:00:00+09:00'],
    ['epoch milliseconds', Date.parse('2026-03-06T20:00:00Z')],
  ])('Friday 17:00 Brasília written in %s', (_label, start) => {
    expect(iso(addBusinessHours(new Date(start), 8, cal))).toBe('2026-03-09T20:00:00.000Z');
  });

  it('Saturday 00:30 in UTC is still Friday 21:30 in Brasília (closed)', () => {
    expect(iso(addBusinessMinutes(d('2026-03-07T00:30:00Z'), 1, cal))).toBe(iso(d('2026-03-09T08:31-03:00')));
  });

  it('a calendar in another Brazilian zone (Manaus, UTC-4)', () => {
    const manaus = { ...cal, timeZone: 'America/Manaus' };
    // 08:30 in Brasília is 07:30 in Manaus: closed there.
    expect(iso(nextBusinessInstant(d('2026-03-04T08:30-03:00'), manaus))).toBe(iso(d('2026-03-04T08:30-04:00')));
    expect(iso(addBusinessHours(d('2026-03-06T17:00-04:00'), 8, manaus))).toBe(iso(d('2026-03-09T17:00-04:00')));
  });
});

describe('businessMinutesBetween', () => {
  it.each([
    ['inside one interval', '2026-03-04T09:00-03:00', '2026-03-04T10:15-03:00', 75],
    ['across lunch', '2026-03-04T11:00-03:00', '2026-03-04T14:00-03:00', 90],
    ['lunch only', '2026-03-04T12:00-03:00', '2026-03-04T13:30-03:00', 0],
    ['a whole day, midnight to midnight', '2026-03-04T00:00-03:00', '2026-03-05T00:00-03:00', 480],
    ['Friday 17:00 → Monday 09:00', '2026-03-06T17:00-03:00', '2026-03-09T09:00-03:00', 90],
    ['a weekend', '2026-03-06T18:00-03:00', '2026-03-09T08:30-03:00', 0],
    ['a week', '2026-03-02T00:00-03:00', '2026-03-09T00:00-03:00', 2400],
    ['Good Friday long weekend', '2026-04-02T18:00-03:00', '2026-04-06T08:30-03:00', 0],
    ['b equal to a', '2026-03-04T09:00-03:00', '2026-03-04T09:00-03:00', 0],
    ['b before a', '2026-03-04T10:00-03:00', '2026-03-04T09:00-03:00', 0],
    ['fractional minutes', '2026-03-04T10:00:00-03:00', '2026-03-04T10:00:30-03:00', 0.5],
    // 2026: 261 weekdays − 9 weekday national holidays = 252 days × 8 h.
    ['the whole of 2026', '2026-01-01T00:00-03:00', '2027-01-01T00:00-03:00', 252 * 8 * 60],
  ])('%s', (_label, a, b, minutes) => {
    expect(businessMinutesBetween(d(a), d(b), cal)).toBe(minutes);
  });

  it('counts milliseconds exactly', () => {
    expect(businessMsBetween(d('2026-03-04T11:59:59.999-03:00'), d('2026-03-04T13:30:00.001-03:00'), cal)).toBe(2);
  });

  it('handles decades quickly and consistently (per day, not per minute)', () => {
    const started = performance.now();
    let sum = 0;
    for (let year = 2000; year < 2050; year++) {
      sum += businessMsBetween(d(`${year}-01-01T12:00:00Z`), d(`${year + 1}-01-01T12:00:00Z`), cal);
    }
    expect(businessMsBetween(d('2000-01-01T12:00:00Z'), d('2050-01-01T12:00:00Z'), cal)).toBe(sum);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('isBusinessTime / nextBusinessInstant at the boundaries', () => {
  it.each([
    ['2026-03-04T08:29:59.999-03:00', false, '2026-03-04T08:30-03:00'],
    ['2026-03-04T08:30-03:00', true, '2026-03-04T08:30-03:00'],
    ['2026-03-04T11:59:59.999-03:00', true, '2026-03-04T11:59:59.999-03:00'],
    ['2026-03-04T12:00-03:00', false, '2026-03-04T13:30-03:00'],
    ['2026-03-04T13:30-03:00', true, '2026-03-04T13:30-03:00'],
    ['2026-03-04T18:00-03:00', false, '2026-03-05T08:30-03:00'],
    ['2026-03-06T18:00-03:00', false, '2026-03-09T08:30-03:00'],
    ['2026-04-21T10:00-03:00', false, '2026-04-22T08:30-03:00'],
  ])('%s → inside: %s, next opening %s', (at, inside, next) => {
    expect(isBusinessTime(d(at), cal)).toBe(inside);
    expect(iso(nextBusinessInstant(d(at), cal))).toBe(iso(d(next)));
  });
});

describe('errors', () => {
  const start = d('2026-03-04T09:00-03:00');

  it.each([
    ['negative minutes', () => addBusinessMinutes(start, -1, cal), /maior ou igual a zero/],
    ['NaN hours', () => addBusinessHours(start, Number.NaN, cal), /número finito/],
    ['infinite ms', () => addBusinessMs(start, Number.POSITIVE_INFINITY, cal), /número finito/],
    ['invalid start', () => addBusinessHours(new Date('x'), 1, cal), /Início: data\/hora inválida/],
    ['invalid end', () => businessMsBetween(start, new Date('x'), cal), /Fim: data\/hora inválida/],
  ])('%s → RangeError', (_label, call, message) => {
    expect(call).toThrow(RangeError);
    expect(call).toThrow(message);
  });

  it('an invalid calendar is rejected with its pt-BR problems', () => {
    const broken = { ...cal, weekdays: [], timeZone: 'Mars/Olympus' };
    expect(() => addBusinessHours(start, 1, broken)).toThrow(
      /Calendário de atendimento inválido: Fuso horário inválido.*Selecione ao menos um dia da semana/,
    );
  });

  it('a valid calendar without any working time throws instead of looping forever', () => {
    const allOff = Array.from({ length: 1200 }, (_, i) => localDateOf(20_500 + i)); // 2026-02-16 onwards
    const noTime: BusinessCalendar = { ...cal, weekdays: [1, 2, 3, 4, 5, 6, 7], extraDaysOff: allOff };
    expect(() => addBusinessHours(start, 1, noTime)).toThrow(/não tem horário útil em 1000 dias seguidos/);
    expect(() => nextBusinessInstant(start, noTime)).toThrow(/não tem horário útil/);
    expect(businessMsBetween(start, d('2027-01-01T00:00Z'), noTime)).toBe(0);
  });

  it('absurdly long spans are refused', () => {
    expect(() => addBusinessHours(start, 1e9, cal)).toThrow(/Prazo longo demais/);
    expect(() => businessMsBetween(d('1900-01-01T00:00Z'), d('2100-01-01T00:00Z'), cal)).toThrow(/Período longo demais/);
  });
});
