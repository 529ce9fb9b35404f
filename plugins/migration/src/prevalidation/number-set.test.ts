import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NumberSet } from './number-set.ts';

describe('NumberSet', () => {
  it('behaves like a Set of non-negative integers below 2^53, across growth', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 50 }), fc.maxSafeInteger().map((n) => Math.abs(n) - 1 < 0 ? 0 : Math.abs(n) - 1)), { maxLength: 400 }), (keys) => {
        const set = new NumberSet(4);
        const reference = new Set<number>();
        for (const k of keys) expect(set.add(k)).toBe(!reference.has(k) && (reference.add(k), true));
        expect(set.size).toBe(reference.size);
        for (const k of keys) expect(set.has(k)).toBe(true);
        expect(set.has(Number.MAX_SAFE_INTEGER - 1) ).toBe(reference.has(Number.MAX_SAFE_INTEGER - 1));
      }),
    );
  });

  it('holds a million 11-digit keys', () => {
    const set = new NumberSet();
    for (let i = 0; i < 1_000_000; i++) set.add(10_000_000_000 + i * 7);
    expect(set.size).toBe(1_000_000);
    expect(set.has(10_000_000_000 + 7 * 999_999)).toBe(true);
    expect(set.has(10_000_000_001)).toBe(false);
  });
});
