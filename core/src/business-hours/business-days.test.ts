import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock/clock.ts';
import { type BusinessCalendar, defaultCalendar } from './calendar.ts';
import {
  addBusinessDays,
  addBusinessDaysToDate,
  businessDaysBetween,
  isBusinessDay,
  isBusinessDayAt,
  nextBusinessDay,
} from './business-days.ts';

const cal = defaultCalendar();
const iso = (date: Date) => date.toISOString();
// Instants are written with their Brasília offset (-03:00), independent of the code under test.
const at = (text: string) => new Date(`${text}-03:00`);

describe('isBusinessDay — default calendar (Brasília, Monday–Friday, national holidays)', () => {
  it.each([
    ['2026-03-06', true, 'a Friday'],
    ['2026-03-07', false, 'a Saturday'],
    ['2026-03-08', false, 'a Sunday'],
    ['2026-09-07', false, 'Independência, Monday 07/09/2026'],
    ['2026-12-25', false, 'Christmas, Friday'],
    ['2027-01-01', false, 'New Year, Friday'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-02-16', true, 'Carnaval Monday (a ponto facultativo, worked by default)'],
    ['2026-02-18', true, 'Ash Wednesday'],
    ['2026-12-24', true, 'Christmas Eve (afternoon off only when chosen)'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isBusinessDay(date, cal)).toBe(expected);
    expect(isBusinessDay(date)).toBe(expected);
  });

  it('follows the calendar: optional holidays taken, extra days off, weekdays worked', () => {
    expect(isBusinessDay('2026-02-16', { ...cal, optionalHolidays: ['carnaval'] })).toBe(false);
    // Ash Wednesday is off only until 14:00: still a business day.
    expect(isBusinessDay('2026-02-18', { ...cal, optionalHolidays: ['ashWednesday'] })).toBe(true);
    expect(isBusinessDay('2026-03-09', { ...cal, extraDaysOff: ['2026-03-09'] })).toBe(false);
    expect(isBusinessDay('2026-03-07', { ...cal, weekdays: [1, 2, 3, 4, 5, 6] })).toBe(true);
  });

  it('reads an instant in the calendar zone: Saturday 01:00 UTC is still Friday in Brasília', () => {
    expect(isBusinessDayAt(new Date('2026-03-07T01:00:00Z'), cal)).toBe(true);
    expect(isBusinessDayAt(new Date('2026-03-07T03:00:00Z'), cal)).toBe(false);
  });

  it('rejects malformed dates and calendars with a pt-BR message', () => {
    expect(() => isBusinessDay('07/09/2026', cal)).toThrow(/Data inválida/);
    expect(() => isBusinessDay('2026-02-30', cal)).toThrow(/Data inválida/);
    expect(() => isBusinessDay('2026-03-06', { ...cal, weekdays: [] })).toThrow(/Calendário de atendimento inválido/);
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['Friday + 1 → Monday, same time', '2026-03-06T10:00', 1, '2026-03-09T10:00'],
    ['Saturday + 1 → Monday', '2026-03-07T10:00', 1, '2026-03-09T10:00'],
    ['Sunday night + 1 → Monday', '2026-03-08T23:00', 1, '2026-03-09T23:00'],
    ['Wednesday + 3 → Monday', '2026-03-04T09:15', 3, '2026-03-09T09:15'],
    ['Friday + 5 → next Friday', '2026-03-06T17:00', 5, '2026-03-13T17:00'],
    ['Friday before Independência (Mon 07/09/2026) + 1 → Tuesday', '2026-09-04T16:00', 1, '2026-09-08T16:00'],
    ['Friday before Carnaval + 1 → Carnaval Monday (worked by default)', '2026-02-13T11:00', 1, '2026-02-16T11:00'],
    ['Christmas Eve + 1 → Monday 28/12 (25/12 is Friday)', '2026-12-24T15:00', 1, '2026-12-28T15:00'],
    ['New Year: Thursday 31/12 + 1 → Monday 04/01/2027', '2026-12-31T09:00', 1, '2027-01-04T09:00'],
    ['across Good Friday and Tiradentes: Thu 02/04 + 12 → Wed 22/04', '2026-04-02T10:00', 12, '2026-04-22T10:00'],
    ['0 days returns the start unchanged, even on a Sunday', '2026-03-08T10:00', 0, '2026-03-08T10:00'],
  ])('%s', (_, from, days, expected) => {
    expect(iso(addBusinessDays(at(from), days, cal))).toBe(iso(at(expected)));
  });

  it('Friday before Carnaval + 1 → Wednesday when the reseller takes Carnaval off', () => {
    const withCarnaval: BusinessCalendar = { ...cal, optionalHolidays: ['carnaval'] };
    expect(iso(addBusinessDays(at('2026-02-13T11:00'), 1, withCarnaval))).toBe(iso(at('2026-02-18T11:00')));
  });

  it('"answered within 3 business days" from a ticket opened Friday 18/12/2026 ends Wednesday 23/12', () => {
    expect(iso(addBusinessDays(at('2026-12-18T14:00'), 3))).toBe(iso(at('2026-12-23T14:00')));
  });

  it('keeps the wall-clock time of the calendar zone across a DST change (New York)', () => {
    const ny: BusinessCalendar = { ...cal, timeZone: 'America/New_York' };
    // Friday 06/03/2026 09:00 EST (UTC−5) + 1 → Monday 09/03 09:00 EDT (UTC−4): 71 h later, not 72.
    const due = addBusinessDays(new Date('2026-03-06T09:00:00-05:00'), 1, ny);
    expect(iso(due)).toBe(iso(new Date('2026-03-09T09:00:00-04:00')));
  });

  it('rejects negative, fractional and non-finite day counts, and invalid instants', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessDays(at('2026-03-06T10:00'), bad, cal)).toThrow(/dias úteis/);
    }
    expect(() => addBusinessDays(new Date('x'), 1, cal)).toThrow(/data\/hora inválida/);
  });

  it('works on local dates too', () => {
    expect(addBusinessDaysToDate('2026-09-04', 1, cal)).toBe('2026-09-08');
    expect(addBusinessDaysToDate('2026-12-24', 2, cal)).toBe('2026-12-29');
    expect(nextBusinessDay('2026-12-31', cal)).toBe('2027-01-04');
    expect(addBusinessDaysToDate('2026-03-07', 0, cal)).toBe('2026-03-07');
  });
});

describe('businessDaysBetween', () => {
  it.each([
    ['Friday → Monday', '2026-03-06T17:00', '2026-03-09T08:00', 1],
    ['same day', '2026-03-06T08:00', '2026-03-06T18:00', 0],
    ['backwards', '2026-03-09T08:00', '2026-03-06T08:00', 0],
    ['a week', '2026-03-02T10:00', '2026-03-09T10:00', 5],
    ['Friday → Tuesday over Independência', '2026-09-04T10:00', '2026-09-08T10:00', 1],
    ['Christmas to New Year week: Thu 24/12 → Mon 04/01/2027', '2026-12-24T10:00', '2027-01-04T10:00', 5],
  ])('%s', (_, a, b, expected) => {
    expect(businessDaysBetween(at(a), at(b), cal)).toBe(expected);
  });

  it('counts back what addBusinessDays added (property, over years with every holiday)', () => {
    const start = Date.parse('2024-01-01T00:00:00-03:00');
    const end = Date.parse('2030-12-31T00:00:00-03:00');
    fc.assert(
      fc.property(fc.integer({ min: start, max: end }), fc.integer({ min: 0, max: 60 }), (t, n) => {
        const from = new Date(t);
        const due = addBusinessDays(from, n, cal);
        expect(businessDaysBetween(from, due, cal)).toBe(n);
        expect(isBusinessDayAt(due, cal) || n === 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a deadline in business days against the clock', () => {
  it('"answered within 1 business day" from Friday 16:00 is overdue only after Monday 16:00 (Tuesday after Independência)', () => {
    for (const [opened, due] of [
      ['2026-03-06T16:00', '2026-03-09T16:00'],
      ['2026-09-04T16:00', '2026-09-08T16:00'],
    ] as const) {
      const clock = new ManualClock(at(opened));
      const deadline = addBusinessDays(clock.now(), 1);
      expect(iso(deadline)).toBe(iso(at(due)));
      const overdue = () => clock.now().getTime() > deadline.getTime();
      clock.advance(24 * 3_600_000); // Saturday (or Saturday before the holiday)
      expect(overdue()).toBe(false);
      expect(businessDaysBetween(at(opened), clock.now())).toBe(0);
      clock.set(deadline);
      expect(overdue()).toBe(false);
      expect(businessDaysBetween(at(opened), clock.now())).toBe(1);
      clock.advance(60_000);
      expect(overdue()).toBe(true);
    }
  });
});
