import Holidays, { type HolidaysTypes } from 'date-holidays';
import fc from 'fast-check';
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
import { OPTIONAL_HOLIDAY_KEYS, type OptionalHolidayKey } from '../time/holiday-kinds.ts';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

// ---------- arbitraries ----------

const pad = (n: number) => String(n).padStart(2, '0');
const clock = (m: number) => (m === 1440 ? '24:00' : `${pad(Math.floor(m / 60))}:${pad(m % 60)}`);
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Instants 2017–2028: Brazilian DST (until Feb 2019), Consciência Negra before/after 2024, … */
const anyInstant = fc.integer({ min: Date.parse('2017-06-01T00:00:00Z'), max: Date.parse('2028-12-31T00:00:00Z') });

/** Instants near interesting local times: openings, closings, lunch, holidays, DST changes. */
const nearBoundary = fc
  .tuple(
    fc.constantFrom(
      '2026-03-06T17:00-03:00', // Friday before a normal Monday
      '2026-03-04T12:00-03:00', // lunch
      '2026-02-13T18:00-03:00', // before Carnaval
      '2026-02-18T14:00-03:00', // Ash Wednesday 14:00
      '2026-04-02T17:59-03:00', // before Good Friday
      '2026-04-20T08:30-03:00', // before Tiradentes
      '2026-09-04T17:00-03:00', // before the Monday holiday 07/09
      '2026-12-24T13:59-03:00', // Christmas Eve
      '2026-12-31T14:00-03:00', // New Year's Eve
      '2018-11-03T23:59-03:00', // Brazilian DST start
      '2018-02-17T22:30-02:00', // Brazilian DST end
      '2026-03-08T01:59-05:00', // New York spring forward
      '2026-11-01T00:59-04:00', // New York fall back
    ),
    fc.integer({ min: -3 * 60, max: 3 * 60 }),
    fc.constantFrom(0, 1, 999, 30_000),
  )
  .map(([text, minutes, ms]) => Date.parse(text) + minutes * MINUTE + ms);

const startInstant = fc.oneof(anyInstant, nearBoundary);

/** Sorted, non-overlapping intervals (minute boundaries, possibly 00:00 or 24:00), ≥ 4 h a day. */
const intervalsArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 })
  .map((points) => {
    const sorted = [...points].sort((a, b) => a - b);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) pairs.push([sorted[i] ?? 0, sorted[i + 1] ?? 0]);
    return pairs;
  })
  .filter((pairs) => pairs.reduce((sum, [s, e]) => sum + e - s, 0) >= 240)
  .map((pairs) => pairs.map(([s, e]) => ({ start: clock(s), end: clock(e) })));

const randomCalendar = fc.record({
  timeZone: fc.constantFrom(
    'America/Sao_Paulo',
    'America/New_York',
    'America/Manaus',
    'Europe/Lisbon',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'UTC',
  ),
  intervals: intervalsArb,
  weekdays: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 3 }),
  optionalHolidays: fc.subarray([...OPTIONAL_HOLIDAY_KEYS]),
  extraDaysOff: fc.constant<string[]>([]),
});

const calendarArb = fc.oneof(fc.constant(defaultCalendar()), randomCalendar);

/** A start instant and a calendar whose extra days off fall near that start. */
const scenario = fc
  .tuple(startInstant, calendarArb, fc.uniqueArray(fc.integer({ min: -1, max: 30 }), { maxLength: 6 }))
  .map(([t, cal, offsets]) => ({
    start: new Date(t),
    cal: { ...cal, extraDaysOff: offsets.map((o) => isoDay(t + o * DAY)) } as BusinessCalendar,
  }));

const hoursArb = fc.integer({ min: 0, max: 200 });
const msArb = fc.integer({ min: 0, max: 200 * HOUR });

// ---------- properties ----------

describe('addBusiness* and businessMsBetween are inverse', () => {
  it('businessMinutesBetween(start, addBusinessMinutes(start, N·60)) === N·60, N in 0..200 hours', () => {
    fc.assert(
      fc.property(scenario, hoursArb, ({ start, cal }, n) => {
        const due = addBusinessMinutes(start, n * 60, cal);
        expect(businessMinutesBetween(start, due, cal)).toBe(n * 60);
        expect(due.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(addBusinessHours(start, n, cal).getTime()).toBe(due.getTime());
      }),
    );
  });

  it('holds to the millisecond for arbitrary durations', () => {
    fc.assert(
      fc.property(scenario, msArb, ({ start, cal }, ms) => {
        expect(businessMsBetween(start, addBusinessMs(start, ms, cal), cal)).toBe(ms);
      }),
    );
  });

  it('the last millisecond before a deadline is business time (the N-th unit ends exactly there)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 200 * HOUR }), ({ start, cal }, ms) => {
        const due = addBusinessMs(start, ms, cal).getTime();
        expect(isBusinessTime(new Date(due - 1), cal)).toBe(true);
        expect(businessMsBetween(new Date(due - 1), new Date(due), cal)).toBe(1);
      }),
    );
  });
});

describe('monotonicity', () => {
  it('more business time never ends earlier, and strictly later when the amount grows', () => {
    fc.assert(
      fc.property(scenario, msArb, msArb, ({ start, cal }, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        const dueA = addBusinessMs(start, a, cal).getTime();
        const dueB = addBusinessMs(start, b, cal).getTime();
        if (a === b) expect(dueA).toBe(dueB);
        else expect(dueA).toBeLessThan(dueB);
      }),
    );
  });

  it('a later start never gives an earlier deadline', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 14 * DAY }), hoursArb, ({ start, cal }, delay, n) => {
        const later = new Date(start.getTime() + delay);
        expect(addBusinessHours(later, n, cal).getTime()).toBeGreaterThanOrEqual(addBusinessHours(start, n, cal).getTime());
      }),
    );
  });

  it('business time between two instants grows with the end and never exceeds the elapsed time', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 20 * DAY }), fc.integer({ min: 0, max: 20 * DAY }), ({ start, cal }, x, y) => {
        const [short, long] = x <= y ? [x, y] : [y, x];
        const a = businessMsBetween(start, new Date(start.getTime() + short), cal);
        const b = businessMsBetween(start, new Date(start.getTime() + long), cal);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThanOrEqual(b);
        expect(b).toBeLessThanOrEqual(long);
      }),
    );
  });
});

describe('additivity', () => {
  it('adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 100 * 60 }), fc.integer({ min: 0, max: 100 * 60 }), ({ start, cal }, a, b) => {
        const stepwise = addBusinessMinutes(addBusinessMinutes(start, a, cal), b, cal);
        expect(stepwise.getTime()).toBe(addBusinessMinutes(start, a + b, cal).getTime());
      }),
    );
  });

  it('business time over [a, c) is business time over [a, b) plus [b, c)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 0, max: 30 * DAY }), fc.integer({ min: 0, max: 30 * DAY }), ({ start, cal }, x, y) => {
        const b = new Date(start.getTime() + Math.min(x, y));
        const c = new Date(start.getTime() + Math.max(x, y));
        expect(businessMsBetween(start, b, cal) + businessMsBetween(b, c, cal)).toBe(businessMsBetween(start, c, cal));
      }),
    );
  });
});

describe('next opening', () => {
  it('is not before the instant, is business time, and nothing business lies in between', () => {
    fc.assert(
      fc.property(scenario, ({ start, cal }) => {
        const next = nextBusinessInstant(start, cal);
        expect(next.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(isBusinessTime(next, cal)).toBe(true);
        expect(businessMsBetween(start, next, cal)).toBe(0);
        expect(addBusinessMs(start, 1, cal).getTime()).toBe(next.getTime() + 1);
      }),
    );
  });
});

// ---------- independent oracle ----------
// Minute by minute, for Brasília calendars: weekday and clock from its own Intl formatter, holidays
// straight from date-holidays' start/end instants (no code shared with the engine).

const RULE_KEYS: Record<string, OptionalHolidayKey> = {
  'easter -48': 'carnaval',
  'easter -47': 'carnaval',
  'easter -46 PT14H': 'ashWednesday',
  'easter 60': 'corpusChristi',
  '12-24 14:00': 'christmasEve',
  '12-31 14:00': 'newYearsEve',
};
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const hd = new Holidays('BR');
const holidaysByYear = new Map<number, HolidaysTypes.Holiday[]>();
const holidaysOf = (year: number) => {
  let list = holidaysByYear.get(year);
  if (!list) {
    list = hd.getHolidays(year);
    holidaysByYear.set(year, list);
  }
  return list;
};
const brasilia = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Sao_Paulo',
  hourCycle: 'h23',
  weekday: 'short',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function oracleIsBusiness(t: number, cal: BusinessCalendar): boolean {
  const p = Object.fromEntries(brasilia.formatToParts(t).map((x) => [x.type, x.value]));
  if (!cal.weekdays.includes(WEEKDAYS[p.weekday ?? ''] ?? 0)) return false;
  if (cal.extraDaysOff.includes(`${p.year}-${p.month}-${p.day}`)) return false;
  const minute = Number(p.hour) * 60 + Number(p.minute);
  if (!cal.intervals.some((i) => minutesOf(i.start) <= minute && minute < minutesOf(i.end))) return false;
  const year = Number(p.year);
  for (const h of [...holidaysOf(year - 1), ...holidaysOf(year)]) {
    if (t < h.start.getTime() || t >= h.end.getTime()) continue;
    if (h.type === 'public') return false;
    const key = RULE_KEYS[h.rule];
    if (key && cal.optionalHolidays.includes(key)) return false;
  }
  return true;
}

describe('oracle: minute-by-minute count in America/Sao_Paulo', () => {
  it('businessMinutesBetween equals a brute-force count over up to 4 days', () => {
    const brasiliaScenario = fc
      .tuple(
        startInstant.map((t) => Math.floor(t / MINUTE) * MINUTE),
        fc.oneof(fc.constant(defaultCalendar()), randomCalendar.map((c) => ({ ...c, timeZone: 'America/Sao_Paulo' }))),
        fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
        fc.integer({ min: 0, max: 4 * 1440 }),
      )
      .map(([t, cal, offsets, length]) => ({
        from: t,
        length,
        cal: { ...cal, extraDaysOff: offsets.map((o) => isoDay(t - 3 * HOUR + o * DAY)) } as BusinessCalendar,
      }));
    fc.assert(
      fc.property(brasiliaScenario, ({ from, length, cal }) => {
        let expected = 0;
        for (let i = 0; i < length; i++) if (oracleIsBusiness(from + i * MINUTE, cal)) expected++;
        expect(businessMinutesBetween(new Date(from), new Date(from + length * MINUTE), cal)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });
});
