import { describe, expect, it } from 'vitest';
import type { SlaState } from '../sla/compute-sla.ts';
import { computeIndicators, percentile, type StatTicket } from './stats.ts';

const H = 3_600_000;
const sla = (outcome: SlaState['outcome'], priority: SlaState['priority'], elapsedH: number): SlaState => ({
  outcome,
  priority,
  triaged: true,
  targetMs: 8 * H,
  elapsedMs: elapsedH * H,
  remainingMs: 8 * H - elapsedH * H,
  dueAt: null,
  openedAt: null,
  respondedAt: outcome === 'met' || outcome === 'missed' ? new Date(0) : null,
});
const ticket = (over: Partial<StatTicket> = {}): StatTicket => ({
  clinicId: 1001,
  clinicName: 'Clínica Demo Centro',
  category: 'duvida',
  module: 'agenda',
  status: 'fechado',
  openedAt: new Date('2026-03-10T13:00:00Z'),
  ...over,
});

describe('percentile (nearest rank)', () => {
  it('takes the value at rank ceil(p·n)', () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(v, 50)).toBe(5);
    expect(percentile(v, 90)).toBe(9);
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([], 50)).toBeNull();
  });
});

describe('computeIndicators', () => {
  it('counts volume, first-response median/p90, SLA achievement and backlog', () => {
    const opened = [
      { ticket: ticket({ module: 'faturamento', category: 'tiss' }), sla: sla('met', 'alta', 1) },
      { ticket: ticket({ module: 'faturamento', category: 'erro' }), sla: sla('missed', 'alta', 9) },
      { ticket: ticket({ clinicId: 1002, clinicName: 'Norte' }), sla: sla('met', 'media', 3) },
      { ticket: ticket({ clinicId: 1002, clinicName: 'Norte', status: 'aberto' }), sla: sla('breached', 'media', 21) },
      { ticket: ticket({ status: 'aguardando_cliente' }), sla: sla('paused', 'baixa', 2) },
      { ticket: ticket({ status: 'fechado' }), sla: sla('stopped', 'baixa', 1) },
    ];
    const backlog = [ticket({ status: 'aberto' }), ticket({ status: 'aguardando_cliente' }), ticket({ status: 'em_atendimento' })];
    const ind = computeIndicators({ from: '2026-03-09', to: '2026-03-15' }, opened, backlog);
    expect(ind.total).toBe(6);
    expect(ind.byModule.find((m) => m.key === 'faturamento')?.count).toBe(2);
    expect(ind.byModule.find((m) => m.key === 'agenda')?.count).toBe(4);
    expect(ind.byCategory.map((c) => [c.key, c.count])).toEqual([
      ['duvida', 4],
      ['erro', 1],
      ['melhoria', 0],
      ['tiss', 1],
    ]);
    expect(ind.byBase.map((b) => [b.key, b.count])).toEqual([
      ['1001', 4],
      ['1002', 2],
    ]);
    expect(ind.firstResponse).toEqual({ answered: 3, medianMs: 3 * H, p90Ms: 9 * H });
    expect(ind.sla.map((s) => [s.priority, s.met, s.missed, s.pending, s.pct])).toEqual([
      ['alta', 1, 1, 0, 50],
      ['media', 1, 1, 0, 50],
      ['baixa', 0, 0, 1, null],
    ]);
    expect(ind.slaOverall).toEqual({ met: 2, missed: 2, pct: 50 });
    expect(ind.backlog.total).toBe(3);
    expect(ind.overTime).toHaveLength(7);
    expect(ind.overTime[1]).toEqual({ label: '10/03', count: 6, bucket: 'dia' });
  });

  it('buckets by week (Mondays) for periods longer than a month and groups small bases', () => {
    const opened = Array.from({ length: 12 }, (_, i) => ({
      ticket: ticket({ clinicId: 2000 + i, clinicName: `B${i}`, openedAt: new Date(Date.UTC(2026, 0, 5 + i * 5, 15)) }),
      sla: sla('met', 'media', 1),
    }));
    const ind = computeIndicators({ from: '2026-01-01', to: '2026-03-01' }, opened, [], 10);
    expect(ind.overTime[0]).toEqual({ label: 'sem. 29/12', count: 0, bucket: 'semana' });
    expect(ind.overTime.reduce((s, b) => s + b.count, 0)).toBe(12);
    expect(ind.byBase).toHaveLength(11);
    expect(ind.byBase[10]).toEqual({ key: 'outras', label: 'Outras 2 bases', count: 2 });
  });
});
