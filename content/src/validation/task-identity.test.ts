import { describe, expect, it } from 'vitest';
import { normalizeTitle, taskKey } from './task-identity.ts';

describe('normalizeTitle', () => {
  it('strips accents, case, punctuation and extra spacing', () => {
    expect(normalizeTitle('  Autorização de guia – Teleconsulta ')).toBe('autorizacao de guia teleconsulta');
  });

  it('gives the same identity to cosmetic variants of a title', () => {
    const variants = ['Geração e envio de lote – Faturamento', 'GERAÇÃO E ENVIO DE LOTE - FATURAMENTO!', 'geracao  e envio de lote: faturamento'];
    expect(new Set(variants.map(normalizeTitle)).size).toBe(1);
  });

  it('keeps words apart and digits', () => {
    expect(normalizeTitle('Etapa\t2\nFaturamento')).toBe('etapa 2 faturamento');
    expect(normalizeTitle('Etapa 1')).not.toBe(normalizeTitle('Etapa 2'));
  });

  it('handles decomposed input (NFD) like composed input (NFC)', () => {
    expect(normalizeTitle('Prontua\u0301rio')).toBe(normalizeTitle('Prontu\u00e1rio'));
  });

  it('returns an empty identity for titles without letters or digits', () => {
    expect(normalizeTitle(' !!! – ... ')).toBe('');
  });
});

describe('taskKey', () => {
  it('prefers the id', () => {
    expect(taskKey({ id: 'lote-1', titulo: 'Lote' })).toBe('lote-1');
  });

  it('falls back to the normalised title', () => {
    expect(taskKey({ titulo: 'Envio de Lote' })).toBe('envio de lote');
  });
});
