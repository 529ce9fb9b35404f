import { describe, expect, it } from 'vitest';
import { firstRun, nextRunAfter, scheduleProblem } from './schedule.ts';

describe('job schedules', () => {
  it('runs an every-N-minutes schedule at once, then N minutes after each run', () => {
    const now = new Date('2026-03-02T12:00:00Z');
    expect(firstRun({ everyMinutes: 60 }, now)).toEqual(now);
    expect(nextRunAfter({ everyMinutes: 60 }, now)).toEqual(new Date('2026-03-02T13:00:00Z'));
  });

  it('runs a daily schedule at HH:MM in the zone (02:00 in São Paulo is 05:00 UTC)', () => {
    const daily = { dailyAt: '02:00', timeZone: 'America/Sao_Paulo' };
    expect(nextRunAfter(daily, new Date('2026-03-02T12:00:00Z'))).toEqual(new Date('2026-03-03T05:00:00Z'));
    expect(nextRunAfter(daily, new Date('2026-03-03T04:59:00Z'))).toEqual(new Date('2026-03-03T05:00:00Z'));
    expect(nextRunAfter(daily, new Date('2026-03-03T05:00:00Z'))).toEqual(new Date('2026-03-04T05:00:00Z'));
    // 23:30 in São Paulo is already the next UTC day.
    expect(nextRunAfter({ dailyAt: '23:30' }, new Date('2026-03-02T12:00:00Z'))).toEqual(new Date('2026-03-03T02:30:00Z'));
    expect(firstRun(daily, new Date('2026-03-02T12:00:00Z'))).toEqual(new Date('2026-03-03T05:00:00Z'));
  });

  it('follows a zone with daylight saving time', () => {
    const daily = { dailyAt: '02:00', timeZone: 'Europe/Lisbon' };
    expect(nextRunAfter(daily, new Date('2026-01-10T12:00:00Z'))).toEqual(new Date('2026-01-11T02:00:00Z'));
    expect(nextRunAfter(daily, new Date('2026-07-10T12:00:00Z'))).toEqual(new Date('2026-07-11T01:00:00Z'));
  });

  it('explains a bad schedule in pt-BR', () => {
    expect(scheduleProblem({ everyMinutes: 0 })).toMatch(/everyMinutes/);
    expect(scheduleProblem({ dailyAt: '24:00' })).toMatch(/HH:MM/);
    expect(scheduleProblem({ dailyAt: '02:00', timeZone: 'Lua/Crateras' })).toMatch(/fuso horário/);
    expect(scheduleProblem({ dailyAt: '02:00' })).toBeNull();
  });
});
