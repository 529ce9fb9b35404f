import { describe, expect, it } from 'vitest';
import { type BusinessCalendar, defaultCalendar } from './calendar.ts';
import { addBusinessHours, businessMinutesBetween, isBusinessTime, nextBusinessInstant } from './engine.ts';

const d = (text: string) => new Date(text);
const iso = (date: Date) => date.toISOString();
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

const newYork = (intervals: BusinessCalendar['intervals']): BusinessCalendar => ({
  ...defaultCalendar(),
  timeZone: 'America/New_York',
  intervals,
  weekdays: ALL_WEEK,
});

// US DST 2026: clocks jump 02:00 → 03:00 on Sun 8 March, fall back 02:00 → 01:00 on Sun 1 November.
describe('a zone with DST: America/New_York', () => {
  it('a round-the-clock day lasts 23 h in spring and 25 h in autumn', () => {
    const allDay = newYork([{ start: '00:00', end: '24:00' }]);
    expect(businessMinutesBetween(d('2026-03-07T00:00-05:00'), d('2026-03-09T00:00-04:00'), allDay)).toBe(47 * 60);
    expect(businessMinutesBetween(d('2026-10-31T00:00-04:00'), d('2026-11-02T00:00-05:00'), allDay)).toBe(49 * 60);
  });

  it('an interval inside the spring-forward gap does not exist that day', () => {
    const cal = newYork([
      { start: '02:00', end: '03:00' },
      { start: '09:00', end: '10:00' },
    ]);
    expect(businessMinutesBetween(d('2026-03-08T00:00-05:00'), d('2026-03-09T00:00-04:00'), cal)).toBe(60);
    expect(businessMinutesBetween(d('2026-03-09T00:00-04:00'), d('2026-03-10T00:00-04:00'), cal)).toBe(120);
  });

  it('an interval across the autumn overlap lasts an extra hour', () => {
    const cal = newYork([{ start: '01:00', end: '02:00' }]);
    expect(businessMinutesBetween(d('2026-11-01T00:00-04:00'), d('2026-11-02T00:00-05:00'), cal)).toBe(120);
    expect(isBusinessTime(d('2026-11-01T01:30-04:00'), cal)).toBe(true);
    expect(isBusinessTime(d('2026-11-01T01:30-05:00'), cal)).toBe(true); // the same wall time, again
  });

  it('an interval partly repeated by the overlap counts both passes', () => {
    const cal = newYork([{ start: '01:00', end: '01:30' }]);
    expect(businessMinutesBetween(d('2026-11-01T00:00-04:00'), d('2026-11-02T00:00-05:00'), cal)).toBe(60);
    expect(iso(addBusinessHours(d('2026-11-01T00:00-04:00'), 0.75, cal))).toBe(iso(d('2026-11-01T01:15-05:00')));
  });

  it('deadlines keep local opening hours across the change', () => {
    const cal = newYork([{ start: '09:00', end: '17:00' }]);
    // Sat 16:00 EST + 2 h: 1 h on Saturday, then Sunday 09:00 EDT + 1 h.
    expect(iso(addBusinessHours(d('2026-03-07T16:00-05:00'), 2, cal))).toBe(iso(d('2026-03-08T10:00-04:00')));
    expect(iso(nextBusinessInstant(d('2026-10-31T17:00-04:00'), cal))).toBe(iso(d('2026-11-01T09:00-05:00')));
  });
});

// Brazil had DST until 2019: 2018-02-18 00:00 → 2018-02-17 23:00 (end); 2018-11-04 00:00 → 01:00 (start).
describe('historical Brazilian DST (America/Sao_Paulo, 2018)', () => {
  const cal = defaultCalendar();

  it('Thursday 17:00 BRT + 8 h over Finados (Fri 02/11) ends Monday 17:00 BRST', () => {
    expect(iso(addBusinessHours(d('2018-11-01T17:00-03:00'), 8, cal))).toBe('2018-11-05T19:00:00.000Z');
  });

  it('Friday 17:00 BRST + 2 h ends Monday 09:30 BRT after DST ended', () => {
    expect(iso(addBusinessHours(d('2018-02-16T17:00-02:00'), 2, cal))).toBe('2018-02-19T12:30:00.000Z');
  });

  it('opening hours follow local clocks on both sides of the change', () => {
    expect(iso(nextBusinessInstant(d('2018-11-03T12:00-03:00'), cal))).toBe(iso(d('2018-11-05T08:30-02:00')));
    // 10:29 UTC is 07:29 in standard time but 08:29 BRST: still closed; 10:30 UTC opens.
    expect(isBusinessTime(d('2018-11-05T10:29:00Z'), cal)).toBe(false);
    expect(isBusinessTime(d('2018-11-05T10:30:00Z'), cal)).toBe(true);
    // 11:29 UTC would be 08:29 in standard time, but it is 09:29 BRST: open.
    expect(isBusinessTime(d('2018-11-05T11:29:00Z'), cal)).toBe(true);
    // Later, the same wall clock maps to a different UTC time: 08:30 BRT is 11:30 UTC.
    expect(isBusinessTime(d('2019-11-04T11:29:00Z'), cal)).toBe(false);
  });

  it('an opening inside the midnight gap happens when the clocks jump (01:00 BRST)', () => {
    const night = { ...cal, intervals: [{ start: '00:01', end: '04:10' }], weekdays: ALL_WEEK };
    expect(iso(nextBusinessInstant(d('2018-11-03T23:59-03:00'), night))).toBe(iso(d('2018-11-04T01:00-02:00')));
    expect(businessMinutesBetween(d('2018-11-04T00:00Z'), d('2018-11-04T12:00Z'), night)).toBe(190);
  });

  it('a round-the-clock weekend loses an hour in November and gains one in February', () => {
    const allDay = { ...cal, intervals: [{ start: '00:00', end: '24:00' }], weekdays: ALL_WEEK };
    expect(businessMinutesBetween(d('2018-11-03T00:00-03:00'), d('2018-11-05T00:00-02:00'), allDay)).toBe(47 * 60);
    expect(businessMinutesBetween(d('2018-02-17T00:00-02:00'), d('2018-02-19T00:00-03:00'), allDay)).toBe(49 * 60);
  });
});
