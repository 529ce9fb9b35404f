import { describe, expect, it } from 'vitest';
import { parseAuditFilters } from './audit-filters.ts';

const parse = (query: Record<string, string>) => parseAuditFilters((name) => query[name]);

describe('audit date filters (Brasília days)', () => {
  it('reads dd/mm/aaaa (and aaaa-mm-dd) as the Brasília day, "até" inclusive', () => {
    for (const de of ['02/03/2026', '2/3/2026', '2026-03-02']) {
      const { filters, errors } = parse({ de, ate: '28/03/2026' });
      expect(errors).toEqual([]);
      expect(filters.from?.toISOString()).toBe('2026-03-02T03:00:00.000Z');
      expect(filters.until?.toISOString()).toBe('2026-03-29T03:00:00.000Z');
    }
  });

  it('refuses impossible dates and years outside 2000–2999 with a pt-BR message', () => {
    for (const bad of ['31/02/2026', '00/01/2026', '12/13/2026', 'ontem', '2026/03/02', '01/01/1999']) {
      const { filters, errors } = parse({ de: bad });
      expect(filters.from, bad).toBeNull();
      expect(errors, bad).toEqual([`A data inicial “${bad}” não é válida: use dd/mm/aaaa.`]);
    }
  });

  it('drops the end when it is before the start', () => {
    const { filters, errors } = parse({ de: '10/03/2026', ate: '01/03/2026' });
    expect(errors).toEqual(['A data final é anterior à data inicial.']);
    expect(filters.until).toBeNull();
  });
});
