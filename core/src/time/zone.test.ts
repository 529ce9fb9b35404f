import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  instantOfWallTime,
  isValidTimeZone,
  localDayNumberAt,
  offsetAt,
  instantRangesOfWallRange,
  offsetsAroundDay,
  wallTimeOf,
} from './zone.ts';

const HOUR = 3_600_000;
const wall = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);
const iso = (ms: number) => new Date(ms).toISOString();
const zones = ['America/Sao_Paulo', 'America/New_York', 'Europe/Lisbon', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'];

describe('offsets from Intl', () => {
  it.each([
    ['2026-03-06T20:00:00Z', 'America/Sao_Paulo', -3 * HOUR],
    ['2018-01-15T12:00:00Z', 'America/Sao_Paulo', -2 * HOUR], // historical Brazilian DST
    ['2019-12-01T12:00:00Z', 'America/Sao_Paulo', -3 * HOUR], // DST abolished in 2019
    ['2026-01-15T12:00:00Z', 'America/New_York', -5 * HOUR],
    ['2026-07-15T12:00:00Z', 'America/New_York', -4 * HOUR],
    ['2026-03-06T20:00:00Z', 'Asia/Kolkata', 5.5 * HOUR],
    ['2026-01-15T12:00:00Z', 'Australia/Lord_Howe', 11 * HOUR], // 30-minute DST
    ['2026-07-15T12:00:00Z', 'Australia/Lord_Howe', 10.5 * HOUR],
    ['2026-03-06T20:00:00Z', 'UTC', 0],
  ])('%s in %s', (instant, zone, offset) => {
    expect(offsetAt(Date.parse(instant), zone)).toBe(offset);
  });

  it('keeps milliseconds and handles seconds-precision historical offsets', () => {
    expect(wallTimeOf(Date.parse('2026-03-06T20:00:00.123Z'), 'America/Sao_Paulo')).toBe(
      Date.parse('2026-03-06T17:00:00.123Z'),
    );
    // Local mean time of São Paulo before 1914 was -3:06:28.
    expect(offsetAt(Date.parse('1900-01-01T12:00:00Z'), 'America/Sao_Paulo')).toBe(-(3 * HOUR + 6 * 60_000 + 28_000));
  });

  it('validates zone names', () => {
    expect(isValidTimeZone('America/Sao_Paulo')).toBe(true);
    expect(isValidTimeZone('America/Brasilia')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
  });
});

describe('wall time → instant', () => {
  it.each([
    ['ordinary', wall(2026, 3, 6, 17), 'America/Sao_Paulo', '2026-03-06T20:00:00.000Z'],
    ['Brazilian DST 2018', wall(2018, 11, 5, 8, 30), 'America/Sao_Paulo', '2018-11-05T10:30:00.000Z'],
    // 2018-11-04 00:00 did not exist in Brasília (clocks jumped to 01:00).
    ['Brazilian DST gap at midnight', wall(2018, 11, 4, 0, 0), 'America/Sao_Paulo', '2018-11-04T03:00:00.000Z'],
    // 2018-02-17 23:30 happened twice (clocks went back from 00:00 to 23:00): earlier one.
    ['Brazilian DST overlap', wall(2018, 2, 17, 23, 30), 'America/Sao_Paulo', '2018-02-18T01:30:00.000Z'],
    ['New York gap → after it', wall(2026, 3, 8, 2, 30), 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['New York just after the gap', wall(2026, 3, 8, 3, 0), 'America/New_York', '2026-03-08T07:00:00.000Z'],
    ['New York overlap → earlier', wall(2026, 11, 1, 1, 30), 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['New York after overlap', wall(2026, 11, 1, 2, 0), 'America/New_York', '2026-11-01T07:00:00.000Z'],
    ['Lord Howe half-hour gap', wall(2026, 10, 4, 2, 15), 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z'],
  ])('%s', (_label, wallMs, zone, expected) => {
    expect(iso(instantOfWallTime(wallMs, zone))).toBe(expected);
  });

  it('local day of an instant depends on the zone', () => {
    const t = Date.parse('2026-03-07T02:00:00Z');
    expect(localDayNumberAt(t, 'America/Sao_Paulo')).toBe(wall(2026, 3, 6) / 86_400_000);
    expect(localDayNumberAt(t, 'UTC')).toBe(wall(2026, 3, 7) / 86_400_000);
  });

  it('round-trips every instant (earliest instant for repeated wall times)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.parse('1990-01-01T00:00:00Z'), max: Date.parse('2035-01-01T00:00:00Z') }),
        fc.constantFrom(...zones),
        (t, zone) => {
          const w = wallTimeOf(t, zone);
          const back = instantOfWallTime(w, zone);
          expect(wallTimeOf(back, zone)).toBe(w);
          expect(back).toBeLessThanOrEqual(t);
          expect(t - back).toBeLessThanOrEqual(HOUR); // only an overlap can make them differ
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('wall ranges → instant ranges', () => {
  const dayOf = (y: number, mo: number, d: number) => Date.UTC(y, mo - 1, d) / 86_400_000;
  const rangesOf = (zone: string, day: number, fromMin: number, toMin: number) =>
    instantRangesOfWallRange(
      day * 86_400_000 + fromMin * 60_000,
      day * 86_400_000 + toMin * 60_000,
      offsetsAroundDay(day, zone),
    ).map(([a, b]) => [iso(a), iso(b)]);

  it.each([
    ['no change: a plain subtraction', 'America/Sao_Paulo', dayOf(2026, 3, 6), 510, 720, [['2026-03-06T11:30:00.000Z', '2026-03-06T15:00:00.000Z']]],
    ['New York gap: 02:00–03:00 never happens', 'America/New_York', dayOf(2026, 3, 8), 120, 180, []],
    ['New York gap: 01:00–04:00 lasts 2 h', 'America/New_York', dayOf(2026, 3, 8), 60, 240, [['2026-03-08T06:00:00.000Z', '2026-03-08T08:00:00.000Z']]],
    [
      'New York overlap: 01:00–01:30 happens twice',
      'America/New_York',
      dayOf(2026, 11, 1),
      60,
      90,
      [
        ['2026-11-01T05:00:00.000Z', '2026-11-01T05:30:00.000Z'],
        ['2026-11-01T06:00:00.000Z', '2026-11-01T06:30:00.000Z'],
      ],
    ],
    // 2018-11-04 00:00 → 01:00: 00:01–04:10 starts when the clocks show 01:00 BRST.
    ['Brazilian gap at midnight', 'America/Sao_Paulo', dayOf(2018, 11, 4), 1, 250, [['2018-11-04T03:00:00.000Z', '2018-11-04T06:10:00.000Z']]],
    [
      'Brazilian overlap before midnight (2018-02-17 23:00–24:00 twice)',
      'America/Sao_Paulo',
      dayOf(2018, 2, 17),
      1380,
      1440,
      [['2018-02-18T01:00:00.000Z', '2018-02-18T03:00:00.000Z']],
    ],
  ])('%s', (_label, zone, day, fromMin, toMin, expected) => {
    expect(rangesOf(zone, day, fromMin, toMin)).toEqual(expected);
  });

  it('finds the exact transition instant', () => {
    expect(offsetsAroundDay(dayOf(2026, 3, 8), 'America/New_York')).toEqual({
      before: -5 * HOUR,
      after: -4 * HOUR,
      transitionAt: Date.parse('2026-03-08T07:00:00Z'),
    });
    expect(offsetsAroundDay(dayOf(2026, 3, 6), 'America/Sao_Paulo').transitionAt).toBe(Number.POSITIVE_INFINITY);
  });

  it('an instant is in the ranges exactly when its wall time is in the wall range', () => {
    const transitionDays: Array<[string, number]> = [
      ['America/New_York', dayOf(2026, 3, 8)],
      ['America/New_York', dayOf(2026, 11, 1)],
      ['America/Sao_Paulo', dayOf(2018, 11, 4)],
      ['America/Sao_Paulo', dayOf(2018, 11, 3)],
      ['America/Sao_Paulo', dayOf(2018, 2, 17)],
      ['America/Sao_Paulo', dayOf(2018, 2, 18)],
      ['Australia/Lord_Howe', dayOf(2026, 10, 4)],
      ['Australia/Lord_Howe', dayOf(2026, 4, 5)],
      ['Europe/Lisbon', dayOf(2026, 3, 29)],
    ];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...transitionDays),
          fc.tuple(fc.constantFrom(...zones), fc.integer({ min: 7000, max: 24000 })),
        ),
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        fc.integer({ min: -2 * 86_400_000, max: 3 * 86_400_000 }),
        ([zone, day], x, y, probe) => {
          const wallStart = day * 86_400_000 + Math.min(x, y) * 60_000;
          const wallEnd = day * 86_400_000 + Math.max(x, y) * 60_000;
          const t = day * 86_400_000 + probe;
          const w = wallTimeOf(t, zone);
          const ranges = instantRangesOfWallRange(wallStart, wallEnd, offsetsAroundDay(day, zone));
          expect(ranges.some(([a, b]) => a <= t && t < b)).toBe(wallStart <= w && w < wallEnd);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
