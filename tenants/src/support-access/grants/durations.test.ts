import { describe, expect, it } from 'vitest';
import { extensionEnd, maxGrantMs, parseDuration, replacementEnd } from './durations.ts';

const now = new Date('2026-03-02T12:00:00Z');

describe('grant durations', () => {
  it('accepts only the five preset durations', () => {
    expect(['1h', '4h', '1d', '3d', '7d'].map((k) => parseDuration(k)?.key)).toEqual(['1h', '4h', '1d', '3d', '7d']);
    for (const bad of ['8d', '0', '', '1H', 'indefinido', '2h', undefined, null, 7, ['1h']]) expect(parseDuration(bad)).toBeNull();
  });

  it('replaces from now', () => {
    expect(replacementEnd(now, parseDuration('4h')!).toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });

  it('extends from the current end, capped at now + 7 days', () => {
    const end = new Date('2026-03-03T12:00:00Z');
    expect(extensionEnd(now, end, parseDuration('1d')!)).toEqual({ endsAt: new Date('2026-03-04T12:00:00Z'), capped: false });
    const capped = extensionEnd(now, end, parseDuration('7d')!);
    expect(capped.capped).toBe(true);
    expect(capped.endsAt.getTime() - now.getTime()).toBe(maxGrantMs);
  });
});
