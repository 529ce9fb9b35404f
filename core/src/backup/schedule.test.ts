import { describe, expect, it } from 'vitest';
import { currentSlot, localIsoWeek, nextSlot } from './schedule.ts';

const saoPaulo = { time: '02:00', timeZone: 'America/Sao_Paulo' };

describe('nightly backup schedule', () => {
  it('follows a configured zone with daylight saving time', () => {
    const lisbon = { time: '02:00', timeZone: 'Europe/Lisbon' };
    expect(nextSlot(lisbon, new Date('2026-07-01T00:00:00Z')).toISOString()).toBe('2026-07-01T01:00:00.000Z');
    expect(nextSlot(lisbon, new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-01T02:00:00.000Z');
  });

  it('finds the current and the next slot around the local midnight', () => {
    // 01:59 in São Paulo on Dec 2nd: the current slot is Dec 1st 02:00, the next is Dec 2nd 02:00.
    const before = new Date('2026-12-02T04:59:00Z');
    expect(currentSlot(saoPaulo, before).toISOString()).toBe('2026-12-01T05:00:00.000Z');
    expect(nextSlot(saoPaulo, before).toISOString()).toBe('2026-12-02T05:00:00.000Z');
    const at = new Date('2026-12-02T05:00:00Z');
    expect(currentSlot(saoPaulo, at).toISOString()).toBe('2026-12-02T05:00:00.000Z');
    expect(nextSlot(saoPaulo, at).toISOString()).toBe('2026-12-03T05:00:00.000Z');
    // 23:30 on Dec 31st in São Paulo is already Jan 1st in UTC.
    expect(nextSlot(saoPaulo, new Date('2027-01-01T02:30:00Z')).toISOString()).toBe('2027-01-01T05:00:00.000Z');
  });

  it('numbers ISO weeks in the local zone', () => {
    expect(localIsoWeek(new Date('2026-12-02T05:00:00Z'), 'America/Sao_Paulo')).toBe('2026-W49');
    // Monday 00:30 UTC is still Sunday in São Paulo: the previous week.
    expect(localIsoWeek(new Date('2026-12-07T00:30:00Z'), 'America/Sao_Paulo')).toBe('2026-W49');
    expect(localIsoWeek(new Date('2027-01-01T12:00:00Z'), 'America/Sao_Paulo')).toBe('2026-W53');
  });
});
