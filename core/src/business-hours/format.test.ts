import { describe, expect, it } from 'vitest';
import { formatBusinessDuration } from './format.ts';

const MIN = 60_000;

describe('formatBusinessDuration', () => {
  it.each([
    [0, '0 min'],
    [59_999, '0 min'],
    [MIN, '1 min'],
    [45 * MIN, '45 min'],
    [60 * MIN, '1 h'],
    [120 * MIN, '2 h'],
    [210 * MIN, '3 h 30 min'],
    [210 * MIN + 59_999, '3 h 30 min'],
    [80 * 60 * MIN, '80 h'],
    [1200 * 60 * MIN + 5 * MIN, '1.200 h 5 min'],
    [-90 * MIN, '-1 h 30 min'],
    [-30_000, '0 min'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatBusinessDuration(ms)).toBe(text);
  });

  it('rejects non-finite input', () => {
    expect(() => formatBusinessDuration(Number.NaN)).toThrow(RangeError);
  });
});
