import { describe, expect, it } from 'vitest';
import { parseLogFilter } from './log-filter.ts';

describe('access log filter', () => {
  it('reads a Brasília calendar day in either format', () => {
    expect(parseLogFilter({ de: '2026-03-02' }).filter.from?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
    expect(parseLogFilter({ de: '02/03/2026' }).filter.from?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
    for (const bad of ['2026-02-30', '31/04/2026', '2026-3-2', 'ontem']) {
      const parsed = parseLogFilter({ de: bad });
      expect(parsed.filter.from, bad).toBeNull();
      expect(parsed.errors, bad).toHaveLength(1);
    }
  });

  it('makes "até" inclusive of its whole day and refuses bad input with a pt-BR message', () => {
    const ok = parseLogFilter({ de: '2026-03-01', ate: '2026-03-02', atendente: '7', resultado: 'denied' });
    expect(ok.errors).toEqual([]);
    expect(ok.filter.until?.toISOString()).toBe('2026-03-03T03:00:00.000Z');
    expect(ok.filter.agentUserId).toBe(7);
    expect(ok.filter.outcome).toBe('denied');
    const bad = parseLogFilter({ de: '2026-03-05', ate: '2026-03-01', resultado: 'talvez' });
    expect(bad.errors).toEqual(['A data inicial é posterior à final.']);
    expect(bad.filter).toEqual({ from: null, until: null, agentUserId: null, outcome: null });
    expect(parseLogFilter({ de: '99/99/2026' }).errors[0]).toContain('dd/mm/aaaa');
  });
});
