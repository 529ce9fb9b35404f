import { describe, expect, it } from 'vitest';
import { foldKey, foldText, foldWithOffsets, formatInteger, shorten } from './text.ts';

describe('foldText', () => {
  it.each([
    ['Clínica', 'clinica'],
    ['JÁ ESTÁ', 'ja esta'],
    ['Usuário', 'usuario'],
    ['São João', 'sao joao'],
    ['Ação', 'acao'],
  ])('%s → %s', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });
});

describe('foldKey', () => {
  it('collapses whitespace and trims', () => {
    expect(foldKey('  Nome   da\tClínica ')).toBe('nome da clinica');
  });
});

describe('foldWithOffsets', () => {
  it('maps folded positions back to the original, even for decomposed input', () => {
    const original = 'Usua\u0301rio: X@Y.com';
    const { folded, offsets } = foldWithOffsets(original);
    expect(folded).toBe('usuario: x@y.com');
    const colon = folded.indexOf(':');
    expect(original.slice(offsets[colon + 1])).toBe(' X@Y.com');
    expect(offsets[folded.length]).toBe(original.length);
  });
});

describe('formatInteger', () => {
  it.each([
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [20000, '20.000'],
    [1234567, '1.234.567'],
    [-1500, '-1.500'],
  ])('%d → %s', (input, expected) => {
    expect(formatInteger(input)).toBe(expected);
  });
});

describe('shorten', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(shorten('12a4')).toBe('12a4');
    expect(shorten('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect([...shorten('ç'.repeat(100))]).toHaveLength(60);
  });
});
