import { describe, expect, it } from 'vitest';
import { isUf, normalizeUf, UFS, ufName } from './uf.ts';

describe('UFS', () => {
  it('has the 27 units with unique codes and names', () => {
    expect(UFS).toHaveLength(27);
    expect(new Set(UFS.map((uf) => uf.code)).size).toBe(27);
    expect(new Set(UFS.map((uf) => uf.name)).size).toBe(27);
  });
});

describe('isUf', () => {
  it.each(['SP', 'RJ', 'MG', 'DF', 'TO', 'AC'])('%s is a UF', (code) => {
    expect(isUf(code)).toBe(true);
  });

  it.each(['sp', 'XX', 'BR', 'S P', '', 'SPA', 'GB'])('%j is not a UF', (code) => {
    expect(isUf(code)).toBe(false);
  });
});

describe('normalizeUf', () => {
  it.each([
    ['SP', 'SP'],
    [' sp ', 'SP'],
    ['São Paulo', 'SP'],
    ['sao paulo', 'SP'],
    ['MATO GROSSO DO SUL', 'MS'],
    ['Mato Grosso', 'MT'],
    ['distrito  federal', 'DF'],
    ['Piaui', 'PI'],
  ])('%j → %s', (input, expected) => {
    expect(normalizeUf(input)).toBe(expected);
  });

  it.each(['XX', '', 'Paulo', 'Brasil', 'S.P.'])('%j → null', (input) => {
    expect(normalizeUf(input)).toBeNull();
  });
});

describe('ufName', () => {
  it('names a code', () => {
    expect(ufName('RN')).toBe('Rio Grande do Norte');
    expect(ufName('XX')).toBeNull();
  });
});
