import { describe, expect, it } from 'vitest';
import { addBusinessDays, addCalendarDays, holidayOn, isBusinessDay, localDateOf, localInstant } from './business-days.ts';

/** A local wall time in São Paulo as an instant. */
const sp = (date: string, time = '10:00') => localInstant(date, time);
const endOf = (date: string) => new Date(`${date}T23:59:59.999-03:00`);

describe('business days (São Paulo, national holidays)', () => {
  it('counts from the local date: 22:30 on a Thursday in São Paulo is already Friday in UTC', () => {
    const thursdayNight = sp('2026-03-05', '22:30');
    expect(thursdayNight.toISOString()).toBe('2026-03-06T01:30:00.000Z');
    expect(localDateOf(thursdayNight)).toBe('2026-03-05');
    expect(addBusinessDays(thursdayNight, 1)).toEqual(endOf('2026-03-06'));
  });

  it('skips the weekend: 1 business day from a Friday or a Saturday is the end of Monday', () => {
    expect(addBusinessDays(sp('2026-03-06'), 1)).toEqual(endOf('2026-03-09'));
    expect(addBusinessDays(sp('2026-03-07'), 1)).toEqual(endOf('2026-03-09'));
    expect(addBusinessDays(sp('2026-03-08'), 3)).toEqual(endOf('2026-03-11'));
  });

  it('skips national holidays: Sexta-feira Santa, Tiradentes, Consciência Negra, Natal', () => {
    expect(holidayOn('2026-04-03')).toMatch(/Sexta-feira Santa/i);
    expect(addBusinessDays(sp('2026-04-02'), 1)).toEqual(endOf('2026-04-06'));
    // Fri 17/04 + 3: Mon 20, (Tue 21 Tiradentes), Wed 22, Thu 23.
    expect(addBusinessDays(sp('2026-04-17'), 3)).toEqual(endOf('2026-04-23'));
    // Thu 19/11 at 22:30 + 1: Fri 20/11 is Consciência Negra → Mon 23/11.
    expect(addBusinessDays(sp('2026-11-19', '22:30'), 1)).toEqual(endOf('2026-11-23'));
    // Thu 24/12 + 1: Fri 25/12 Natal, weekend → Mon 28/12.
    expect(addBusinessDays(sp('2026-12-24'), 1)).toEqual(endOf('2026-12-28'));
    // Across the year: Thu 31/12 + 1: Fri 01/01 Ano Novo → Mon 04/01/2027.
    expect(addBusinessDays(sp('2026-12-31'), 1)).toEqual(endOf('2027-01-04'));
  });

  it('counts Carnaval as a business day (it is not a national public holiday)', () => {
    expect(holidayOn('2026-02-16')).toBeNull();
    expect(isBusinessDay('2026-02-17')).toBe(true);
    expect(addBusinessDays(sp('2026-02-13'), 1)).toEqual(endOf('2026-02-16'));
  });

  it('counts calendar days to the end of the local day', () => {
    expect(addCalendarDays(sp('2026-03-02', '23:30'), 15)).toEqual(endOf('2026-03-17'));
    expect(addCalendarDays(sp('2026-12-20'), 14)).toEqual(endOf('2027-01-03'));
  });
});
