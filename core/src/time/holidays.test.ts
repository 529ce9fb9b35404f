import { describe, expect, it } from 'vitest';
import { nationalHolidayOn, nationalHolidays } from './holidays.ts';

describe('national public holidays (date-holidays BR)', () => {
  it('lists 2026 in date order, Good Friday in, Carnaval and Corpus Christi out', () => {
    const dates = nationalHolidays(2026).map((h) => h.localDate);
    expect(dates).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-21',
      '2026-05-01',
      '2026-09-07',
      '2026-10-04',
      '2026-10-12',
      '2026-10-25',
      '2026-11-02',
      '2026-11-15',
      '2026-11-20',
      '2026-12-25',
    ]);
  });

  it('moves Good Friday with Easter, from date-holidays (no hand-written Easter)', () => {
    expect(nationalHolidayOn('2025-04-18')).toBe('Sexta-Feira Santa');
    expect(nationalHolidayOn('2027-03-26')).toBe('Sexta-Feira Santa');
    expect(nationalHolidayOn('2026-04-05')).toBeNull(); // Easter Sunday is an observance
  });

  it('Consciência Negra is national from 2024 only', () => {
    expect(nationalHolidayOn('2024-11-20')).toBe('Dia da Consciência Negra');
    expect(nationalHolidayOn('2023-11-20')).toBeNull();
  });

  it('names fixed holidays and refuses malformed dates', () => {
    expect(nationalHolidayOn('2026-09-07')).toBe('Dia da Independência');
    expect(nationalHolidayOn('2026-02-16')).toBeNull(); // Carnaval: a ponto facultativo
    expect(() => nationalHolidayOn('07/09/2026')).toThrow(/Data inválida/);
    expect(() => nationalHolidays(2026.5)).toThrow(/Ano inválido/);
  });
});
