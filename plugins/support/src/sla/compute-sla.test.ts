import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessMsBetween, defaultCalendar } from '@painel/core/plugin';
import { computeSla, type SlaEvent, slaLevel } from './compute-sla.ts';

/** Brasília wall time (UTC−3, no DST since 2019) → instant. */
const brt = (local: string) => new Date(`${local}:00-03:00`);
const H = 3_600_000;
const cal = defaultCalendar();

const opened = (local: string, priority: 'alta' | 'media' | 'baixa' | null = null): SlaEvent => ({
  kind: 'opened',
  at: brt(local),
  priority,
});

describe('computeSla', () => {
  it('alta opened Friday 17:00 is due Monday 17:00 (1 h Friday + 7 h Monday)', () => {
    const s = computeSla([opened('2026-03-06T17:00', 'alta')], cal, brt('2026-03-06T17:30'));
    expect(s.dueAt).toEqual(brt('2026-03-09T17:00'));
    expect(s.outcome).toBe('running');
    expect(s.elapsedMs).toBe(0.5 * H);
    expect(s.remainingMs).toBe(7.5 * H);
  });

  it('moves the deadline one day when Monday is a national holiday (07/09/2026)', () => {
    const s = computeSla([opened('2026-09-04T17:00', 'alta')], cal, brt('2026-09-04T17:00'));
    expect(s.dueAt).toEqual(brt('2026-09-08T17:00'));
  });

  it('recomputes with the reseller calendar (an extra day off, an optional holiday)', () => {
    const events = [opened('2026-03-06T17:00', 'alta')];
    const withDayOff = computeSla(events, { ...cal, extraDaysOff: ['2026-03-09'] }, brt('2026-03-06T17:00'));
    expect(withDayOff.dueAt).toEqual(brt('2026-03-10T17:00'));
    // Carnaval 2026 is Monday 16/02 and Tuesday 17/02.
    const carnaval = [opened('2026-02-13T17:00', 'alta')];
    expect(computeSla(carnaval, cal, brt('2026-02-13T17:00')).dueAt).toEqual(brt('2026-02-16T17:00'));
    const off = computeSla(carnaval, { ...cal, optionalHolidays: ['carnaval'] }, brt('2026-02-13T17:00'));
    expect(off.dueAt).toEqual(brt('2026-02-18T17:00'));
  });

  it('starts counting at the next opening when opened outside business hours', () => {
    const s = computeSla([opened('2026-03-07T10:00', 'alta')], cal, brt('2026-03-07T10:00'));
    expect(s.elapsedMs).toBe(0);
    // Monday 08:30 + 8 h: 08:30–12:00 (3.5 h) + 13:30–18:00 (4.5 h) = Monday 18:00.
    expect(s.dueAt).toEqual(brt('2026-03-09T18:00'));
  });

  it('an untriaged ticket runs on média (20 h) and says it is not triaged', () => {
    const s = computeSla([opened('2026-03-09T09:00')], cal, brt('2026-03-09T09:00'));
    expect(s.priority).toBe('media');
    expect(s.triaged).toBe(false);
    expect(s.targetMs).toBe(20 * H);
  });

  it('pauses in "aguardando cliente" and resumes where it stopped', () => {
    const events: SlaEvent[] = [
      opened('2026-03-09T09:00', 'media'),
      { kind: 'status_changed', at: brt('2026-03-09T10:00'), status: 'aguardando_cliente' },
      { kind: 'status_changed', at: brt('2026-03-09T14:00'), status: 'em_atendimento' },
    ];
    const paused = computeSla(events.slice(0, 2), cal, brt('2026-03-09T16:00'));
    expect(paused.outcome).toBe('paused');
    expect(paused.elapsedMs).toBe(1 * H);
    expect(paused.remainingMs).toBe(19 * H);
    expect(paused.dueAt).toBeNull();
    expect(slaLevel(paused)).toBe('neutral');

    const resumed = computeSla(events, cal, brt('2026-03-09T15:00'));
    expect(resumed.outcome).toBe('running');
    expect(resumed.elapsedMs).toBe(2 * H);
    // 19 h left from Monday 14:00: Mon 4 h, Tue 8 h, Wed 08:30–12:00 and 13:30–17:00.
    expect(resumed.dueAt).toEqual(brt('2026-03-11T17:00'));
  });

  it('recomputes the deadline when the priority changes', () => {
    const events: SlaEvent[] = [
      opened('2026-03-09T09:00'),
      { kind: 'priority_changed', at: brt('2026-03-09T10:00'), priority: 'alta' },
    ];
    const before = computeSla(events.slice(0, 1), cal, brt('2026-03-09T10:00'));
    const after = computeSla(events, cal, brt('2026-03-09T10:00'));
    expect(before.targetMs).toBe(20 * H);
    expect(after.priority).toBe('alta');
    expect(after.triaged).toBe(true);
    expect(after.targetMs).toBe(8 * H);
    // Monday 09:00–12:00 (3 h) + 13:30–18:00 (4.5 h) + Tuesday 08:30–09:00.
    expect(after.dueAt).toEqual(brt('2026-03-10T09:00'));
    const lowered = computeSla(
      [...events, { kind: 'priority_changed', at: brt('2026-03-09T11:00'), priority: 'baixa' }],
      cal,
      brt('2026-03-09T11:00'),
    );
    expect(lowered.targetMs).toBe(80 * H);
    expect(lowered.remainingMs).toBe(78 * H);
  });

  it('breaches when the deadline passes without a response, and keeps the deadline instant', () => {
    const s = computeSla([opened('2026-03-09T09:00', 'alta')], cal, brt('2026-03-10T10:00'));
    expect(s.outcome).toBe('breached');
    expect(s.remainingMs).toBe(-1 * H);
    expect(s.dueAt).toEqual(brt('2026-03-10T09:00'));
    expect(slaLevel(s)).toBe('breached');
  });

  it('is breached while paused once the time ran out before the pause', () => {
    const s = computeSla(
      [
        opened('2026-03-09T09:00', 'alta'),
        { kind: 'status_changed', at: brt('2026-03-10T10:00'), status: 'aguardando_cliente' },
      ],
      cal,
      brt('2026-03-12T10:00'),
    );
    expect(s.outcome).toBe('breached');
    expect(s.remainingMs).toBe(-1 * H);
    expect(s.dueAt).toEqual(brt('2026-03-10T09:00'));
  });

  it('is at risk (amber) under one business hour left', () => {
    const s = computeSla([opened('2026-03-09T09:00', 'alta')], cal, brt('2026-03-10T08:31'));
    expect(s.outcome).toBe('running');
    expect(s.remainingMs).toBe(29 * 60_000);
    expect(slaLevel(s)).toBe('risk');
    expect(slaLevel(computeSla([opened('2026-03-09T09:00', 'alta')], cal, brt('2026-03-09T09:00')))).toBe('ok');
  });

  it('ends at the first support reply: met within the target, missed after it', () => {
    const base = [opened('2026-03-09T09:00', 'alta')];
    const met = computeSla([...base, { kind: 'agent_replied', at: brt('2026-03-09T11:00') }], cal, brt('2026-03-20T10:00'));
    expect(met.outcome).toBe('met');
    expect(met.elapsedMs).toBe(2 * H);
    expect(met.respondedAt).toEqual(brt('2026-03-09T11:00'));
    expect(slaLevel(met)).toBe('ok');
    const missed = computeSla([...base, { kind: 'agent_replied', at: brt('2026-03-10T10:00') }], cal, brt('2026-03-20T10:00'));
    expect(missed.outcome).toBe('missed');
    expect(missed.elapsedMs).toBe(9 * H);
    const onTheDot = computeSla([...base, { kind: 'agent_replied', at: brt('2026-03-10T09:00') }], cal, brt('2026-03-20T10:00'));
    expect(onTheDot.outcome).toBe('met');
  });

  it('ignores what happens after the first response (later priority changes, pauses)', () => {
    const s = computeSla(
      [
        opened('2026-03-09T09:00', 'alta'),
        { kind: 'agent_replied', at: brt('2026-03-09T10:00') },
        { kind: 'priority_changed', at: brt('2026-03-09T11:00'), priority: 'baixa' },
        { kind: 'status_changed', at: brt('2026-03-09T11:00'), status: 'aguardando_cliente' },
      ],
      cal,
      brt('2026-03-12T10:00'),
    );
    expect(s.priority).toBe('alta');
    expect(s.outcome).toBe('met');
    expect(s.elapsedMs).toBe(1 * H);
  });

  it('stops when resolved without a response (and counts as missed if already late)', () => {
    const resolved = computeSla(
      [opened('2026-03-09T09:00', 'alta'), { kind: 'status_changed', at: brt('2026-03-09T10:00'), status: 'resolvido' }],
      cal,
      brt('2026-03-12T10:00'),
    );
    expect(resolved.outcome).toBe('stopped');
    expect(resolved.elapsedMs).toBe(1 * H);
    const late = computeSla(
      [opened('2026-03-09T09:00', 'alta'), { kind: 'status_changed', at: brt('2026-03-11T10:00'), status: 'fechado' }],
      cal,
      brt('2026-03-12T10:00'),
    );
    expect(late.outcome).toBe('missed');
  });

  it('does not depend on the order of the events given, only on their instants', () => {
    const events: SlaEvent[] = [
      { kind: 'status_changed', at: brt('2026-03-09T14:00'), status: 'em_atendimento' },
      opened('2026-03-09T09:00', 'media'),
      { kind: 'status_changed', at: brt('2026-03-09T10:00'), status: 'aguardando_cliente' },
    ];
    expect(computeSla(events, cal, brt('2026-03-09T15:00')).elapsedMs).toBe(2 * H);
  });

  it('ignores events after now and unrelated events', () => {
    const s = computeSla(
      [
        opened('2026-03-09T09:00', 'alta'),
        { kind: 'other', at: brt('2026-03-09T09:30') },
        { kind: 'agent_replied', at: brt('2026-03-09T12:00') },
      ],
      cal,
      brt('2026-03-09T10:00'),
    );
    expect(s.outcome).toBe('running');
    expect(s.respondedAt).toBeNull();
    expect(s.elapsedMs).toBe(1 * H);
  });

  it('property: while running, the business time from now to the deadline is exactly what is left', () => {
    const start = brt('2026-01-05T00:00').getTime();
    const minute = 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 * 24 * 60 }),
        fc.constantFrom('alta' as const, 'media' as const, 'baixa' as const),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 3 * 24 * 60 }), fc.constantFrom('aguardando_cliente' as const, 'em_atendimento' as const)), { maxLength: 6 }),
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        (openMin, priority, changes, nowAfter) => {
          const openedAt = new Date(start + openMin * minute);
          let t = openedAt.getTime();
          const events: SlaEvent[] = [{ kind: 'opened', at: openedAt, priority }];
          for (const [gap, status] of changes) {
            t += gap * minute;
            events.push({ kind: 'status_changed', at: new Date(t), status });
          }
          const now = new Date(openedAt.getTime() + nowAfter * minute);
          const s = computeSla(events, cal, now);
          expect(s.elapsedMs + s.remainingMs).toBe(s.targetMs);
          expect(s.elapsedMs).toBeGreaterThanOrEqual(0);
          if (s.outcome === 'running') {
            expect(s.dueAt).not.toBeNull();
            expect(businessMsBetween(now, s.dueAt!, cal)).toBe(s.remainingMs);
          }
          if (s.outcome === 'breached') expect(s.dueAt!.getTime()).toBeLessThanOrEqual(now.getTime());
          if (s.outcome === 'paused') expect(s.dueAt).toBeNull();
        },
      ),
      { numRuns: 300 },
    );
  });
});
