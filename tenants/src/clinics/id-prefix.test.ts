import { describe, expect, it } from 'vitest';
import { idPrefixRanges } from './id-prefix.ts';

describe('idPrefixRanges', () => {
  it('covers every id that starts with the digits, one range per length', () => {
    expect(idPrefixRanges(100, 5)).toEqual([
      [100, 100],
      [1000, 1009],
      [10000, 10099],
    ]);
    expect(idPrefixRanges(1001, 4)).toEqual([[1001, 1001]]);
    expect(idPrefixRanges(9, 3)).toEqual([
      [9, 9],
      [90, 99],
      [900, 999],
    ]);
  });

  it('matches exactly the ids whose decimal form starts with the prefix', () => {
    const inRanges = (id: number, prefix: number) => idPrefixRanges(prefix, 5).some(([lo, hi]) => id >= lo && id <= hi);
    const wrong: string[] = [];
    for (const prefix of [1, 10, 42, 100, 999]) {
      for (let id = 1; id <= 99_999; id += 7) if (inRanges(id, prefix) !== String(id).startsWith(String(prefix))) wrong.push(`${prefix}→${id}`);
    }
    expect(wrong).toEqual([]);
  });

  it('gives nothing for no prefix or one longer than a base id', () => {
    expect(idPrefixRanges(0, 9)).toEqual([]);
    expect(idPrefixRanges(1_234_567_890, 9)).toEqual([]);
  });
});
