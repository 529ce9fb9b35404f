import { describe, expect, it } from 'vitest';
import { asDateInputValue, formatCalendarDate, isoCalendarDate, parseCalendarDate } from './calendar-date.ts';

describe('parseCalendarDate', () => {
  it('reads dd/mm/aaaa, with or without leading zeros, and ISO days from old links', () => {
    expect(parseCalendarDate('03/11/2026')).toEqual({ year: 2026, month: 11, day: 3 });
    expect(parseCalendarDate(' 3/11/2026 ')).toEqual({ year: 2026, month: 11, day: 3 });
    expect(parseCalendarDate('2026-11-03')).toEqual({ year: 2026, month: 11, day: 3 });
  });

  it('refuses days that do not exist and other shapes', () => {
    for (const bad of ['31/02/2026', '00/01/2026', '12/13/2026', '11-03-2026', '2026/11/03', '3/11/26', '', 'amanhã']) {
      expect(parseCalendarDate(bad), bad).toBeNull();
    }
    expect(parseCalendarDate('29/02/2028')).not.toBeNull();
    expect(parseCalendarDate('29/02/2027')).toBeNull();
  });

  it('writes dd/mm/aaaa and ISO', () => {
    const d = { year: 2026, month: 3, day: 5 };
    expect(formatCalendarDate(d)).toBe('05/03/2026');
    expect(isoCalendarDate(d)).toBe('2026-03-05');
    expect(asDateInputValue('2026-03-05')).toBe('05/03/2026');
    expect(asDateInputValue('31/02/2026')).toBe('31/02/2026');
  });
});
