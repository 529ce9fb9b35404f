import { describe, expect, it } from 'vitest';
import { dayNumberOf, isoWeekdayOf, localDateOf, parseClock, yearOf } from './local-date.ts';

describe('local dates', () => {
  it.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1969-12-31', -1],
    ['2024-02-29', 19_782],
    ['0050-06-01', dayNumberOf('0050-06-01')],
  ])('%s ↔ day number', (text, expected) => {
    const day = dayNumberOf(text);
    expect(day).toBe(expected);
    expect(localDateOf(day ?? NaN)).toBe(text);
  });

  it.each(['2026-02-30', '2025-02-29', '2026-13-01', '2026-2-3', '26-02-03', '2026-02-03T00:00', ''])(
    'rejects %j',
    (text) => {
      expect(dayNumberOf(text)).toBeNull();
    },
  );

  it.each([
    ['2026-03-02', 1],
    ['2026-03-06', 5],
    ['2026-03-07', 6],
    ['2026-03-08', 7],
    ['1970-01-01', 4],
    ['1969-12-29', 1],
  ])('ISO weekday of %s is %i', (text, weekday) => {
    expect(isoWeekdayOf(dayNumberOf(text) ?? NaN)).toBe(weekday);
  });

  it('year of a day number', () => {
    expect(yearOf(dayNumberOf('2026-12-31') ?? NaN)).toBe(2026);
    expect(yearOf(dayNumberOf('2027-01-01') ?? NaN)).toBe(2027);
  });
});

describe('clock texts', () => {
  it.each([
    ['00:00', false, 0],
    ['08:30', false, 510],
    ['23:59', false, 1439],
    ['24:00', true, 1440],
    ['24:00', false, null],
    ['24:01', true, null],
    ['8:30', false, null],
    ['12:60', false, null],
    ['12h00', false, null],
  ] as const)('%s (end of day allowed: %s) → %s', (text, allowEnd, expected) => {
    expect(parseClock(text, allowEnd)).toBe(expected);
  });
});
