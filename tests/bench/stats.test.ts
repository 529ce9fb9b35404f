import { describe, expect, it } from 'vitest';
import { quantile, summarize } from './stats.ts';

describe('bench stats', () => {
  it('takes the nearest-rank median and p95', () => {
    const samples = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(quantile(samples, 0.5)).toBe(10);
    expect(quantile(samples, 0.95)).toBe(19);
    expect(summarize([5, 1, 3])).toEqual({ runs: 3, medianMs: 3, p95Ms: 5, minMs: 1, maxMs: 5 });
    expect(Number.isNaN(summarize([]).medianMs)).toBe(true);
  });
});
