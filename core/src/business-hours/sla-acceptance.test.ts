import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './calendar.ts';
import { addBusinessHours, businessMinutesBetween } from './engine.ts';
import { isDayOff } from './days-off.ts';

/** SLA of the support contract (seed 001): first response in business hours by priority. */
const SLA_HOURS = { alta: 8, media: 20, baixa: 80 } as const;
const iso = (date: Date) => date.toISOString();

describe('acceptance: ticket opened Friday 17:00 Brasília, priority alta (8 business hours)', () => {
  const cal = defaultCalendar();

  it('is due Monday 17:00 when Monday is a working day (1 h Fri + 3 h 30 + 3 h 30 Mon)', () => {
    const opened = new Date('2026-03-06T17:00:00-03:00');
    const due = addBusinessHours(opened, SLA_HOURS.alta, cal);
    expect(iso(due)).toBe(iso(new Date('2026-03-09T17:00:00-03:00')));
    expect(businessMinutesBetween(opened, new Date('2026-03-06T18:00:00-03:00'), cal)).toBe(60);
    expect(businessMinutesBetween(opened, new Date('2026-03-09T12:00:00-03:00'), cal)).toBe(60 + 210);
    expect(businessMinutesBetween(opened, due, cal)).toBe(480);
  });

  it('is due Tuesday 17:00 when Monday is a national holiday (Independência, Mon 07/09/2026)', () => {
    expect(isDayOff('2026-09-07', cal)).toBe(true); // from date-holidays, type 'public'
    const due = addBusinessHours(new Date('2026-09-04T17:00:00-03:00'), SLA_HOURS.alta, cal);
    expect(iso(due)).toBe(iso(new Date('2026-09-08T17:00:00-03:00')));
  });

  it.each(['2026-10-12', '2026-11-02'])('also for the Monday holiday %s', (monday) => {
    const friday = new Date(`${monday}T17:00:00-03:00`);
    friday.setUTCDate(friday.getUTCDate() - 3);
    const tuesday = new Date(`${monday}T17:00:00-03:00`);
    tuesday.setUTCDate(tuesday.getUTCDate() + 1);
    expect(iso(addBusinessHours(friday, SLA_HOURS.alta, cal))).toBe(iso(tuesday));
  });

  it('is due Tuesday 17:00 when an admin marks that Monday as an extra day off', () => {
    const opened = new Date('2026-03-06T17:00:00-03:00');
    const withDayOff = { ...cal, extraDaysOff: ['2026-03-09'] };
    expect(iso(addBusinessHours(opened, SLA_HOURS.alta, withDayOff))).toBe(iso(new Date('2026-03-10T17:00:00-03:00')));
  });

  it('the other priorities from the same Friday 17:00', () => {
    const opened = new Date('2026-03-06T17:00:00-03:00');
    // média: 1 + 8 (Mon) + 8 (Tue) + 3 (Wed 08:30–11:30).
    expect(iso(addBusinessHours(opened, SLA_HOURS.media, cal))).toBe(iso(new Date('2026-03-11T11:30:00-03:00')));
    // baixa: 1 + 9 × 8 + 7 (Mon 20/03 until 17:00) — two weeks later.
    expect(iso(addBusinessHours(opened, SLA_HOURS.baixa, cal))).toBe(iso(new Date('2026-03-20T17:00:00-03:00')));
  });
});
