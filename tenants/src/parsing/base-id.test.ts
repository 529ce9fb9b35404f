import { describe, expect, it } from 'vitest';
import { isBaseId, parseBaseId } from './base-id.ts';

describe('parseBaseId', () => {
  it.each([
    ['1234', 1234],
    [' 2345 ', 2345],
    ['0042', 42],
    ['1', 1],
    ['999999999', 999_999_999],
    ['0999999999', 999_999_999],
  ])('%j → %d', (input, expected) => {
    expect(parseBaseId(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['12a4', 'use apenas números'],
    ['1.234', 'use apenas números'],
    ['-5', 'use apenas números'],
    ['12 34', 'use apenas números'],
    ['', 'use apenas números'],
    ['0', 'maior que zero'],
    ['0000', 'maior que zero'],
    ['1000000000', 'mais de 9 dígitos'],
  ])('%j is refused (%s)', (input, reason) => {
    const result = parseBaseId(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain(reason);
      expect(result.message).toContain(`“${input.trim()}”`);
    }
  });
});

describe('isBaseId', () => {
  it('accepts positive integers up to 9 digits', () => {
    expect(isBaseId(1)).toBe(true);
    expect(isBaseId(999_999_999)).toBe(true);
    expect(isBaseId(0)).toBe(false);
    expect(isBaseId(1_000_000_000)).toBe(false);
    expect(isBaseId(1.5)).toBe(false);
    expect(isBaseId(Number.NaN)).toBe(false);
  });
});
