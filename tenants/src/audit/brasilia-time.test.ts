import { describe, expect, it } from 'vitest';
import { dayAfter, formatAuditTime, parseBrazilianDate } from './brasilia-time.ts';

describe('Brasília dates for the audit filters', () => {
  it('reads dd/mm/aaaa as midnight in Brasília', () => {
    expect(parseBrazilianDate('02/03/2026')?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(parseBrazilianDate('2/3/2026')?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(parseBrazilianDate('2026-03-02')?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
  });

  it('refuses impossible dates', () => {
    for (const bad of ['31/02/2026', '00/01/2026', '12/13/2026', 'ontem', '2026/03/02', '']) {
      expect(parseBrazilianDate(bad), bad).toBeNull();
    }
  });

  it('formats instants in Brasília time with seconds', () => {
    expect(formatAuditTime(new Date('2026-03-02T12:00:05Z'))).toBe('02/03/2026 09:00:05');
    expect(dayAfter(parseBrazilianDate('28/02/2026')!).toISOString()).toBe('2026-03-01T03:00:00.000Z');
  });
});
