import { describe, expect, it } from 'vitest';
import { accentInsensitivePattern, foldWord } from './accent-pattern.ts';
import { parseClinicSearch } from './search-query.ts';

describe('parseClinicSearch', () => {
  it('reads digits as the start of a base id (leading zeros ignored)', () => {
    expect(parseClinicSearch(' 1001 ')).toEqual({ kind: 'baseId', id: 1001 });
    expect(parseClinicSearch('0042')).toEqual({ kind: 'baseId', id: 42 });
  });

  it('reads a valid CNPJ, masked or not', () => {
    expect(parseClinicSearch('11.222.333/0001-81')).toEqual({ kind: 'cnpj', cnpj: '11222333000181' });
    expect(parseClinicSearch('11222333000181')).toEqual({ kind: 'cnpj', cnpj: '11222333000181' });
  });

  it('reads anything else as name keywords, deduplicated and capped', () => {
    expect(parseClinicSearch('demo  centro demo')).toEqual({ kind: 'keywords', words: ['demo', 'centro'] });
    expect(parseClinicSearch('a b c d e f g h')).toMatchObject({ words: ['a', 'b', 'c', 'd', 'e', 'f'] });
    expect(parseClinicSearch('Dra. 2')).toEqual({ kind: 'keywords', words: ['Dra.', '2'] });
  });

  it('ignores empty and punctuation-only input', () => {
    expect(parseClinicSearch(undefined)).toEqual({ kind: 'all' });
    expect(parseClinicSearch('   ')).toEqual({ kind: 'all' });
    expect(parseClinicSearch(' - . ')).toEqual({ kind: 'all' });
  });

  it('treats a number too long for a base id (and not a CNPJ) as a keyword', () => {
    expect(parseClinicSearch('1234567890')).toEqual({ kind: 'keywords', words: ['1234567890'] });
  });
});

describe('accentInsensitivePattern', () => {
  const matches = (word: string, name: string) => new RegExp(accentInsensitivePattern(word), 'u').test(name);

  it('matches regardless of case and accents, in both directions', () => {
    expect(matches('clinica', 'Clínica Demo')).toBe(true);
    expect(matches('CLÍNICA', 'clinica demo')).toBe(true);
    expect(matches('sao', 'São Paulo')).toBe(true);
    expect(matches('conceicao', 'CONCEIÇÃO')).toBe(true);
    expect(matches('centro', 'Clínica Demo Norte')).toBe(false);
  });

  it('escapes regular-expression syntax typed by the user', () => {
    expect(accentInsensitivePattern('a.b')).toBe('[aáàâãäAÁÀÂÃÄ]\\.[bB]');
    expect(matches('(x', 'Clínica (x) Ltda')).toBe(true);
    expect(matches('.*', 'qualquer coisa')).toBe(false);
    expect(() => new RegExp(accentInsensitivePattern('[(*+?'))).not.toThrow();
  });

  it('folds words', () => {
    expect(foldWord('Ótica & Saúde')).toBe('otica & saude');
  });
});

describe('accentInsensitivePattern with a hyphen', () => {
  it('keeps "-" literal (valid in JavaScript and Postgres)', () => {
    expect(new RegExp(accentInsensitivePattern('vila-nova'), 'u').test('Clínica Vila-Nova')).toBe(true);
  });
});
