import { describe, expect, it } from 'vitest';
import { hoursPtBr } from './hours.ts';

describe('hours with a decimal comma', () => {
  it('rounds to one decimal place and is empty without a value', () => {
    expect(hoursPtBr(3.5 * 3_600_000)).toBe('3,5');
    expect(hoursPtBr(3.44 * 3_600_000)).toBe('3,4');
    expect(hoursPtBr(null)).toBe('');
  });
});
