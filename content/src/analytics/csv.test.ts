import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes separators and quotes, neutralises formulas, adds a BOM and CRLF', () => {
    expect(csvField('Etapa 1; início')).toBe('"Etapa 1; início"');
    expect(csvField('diz "oi"')).toBe('"diz ""oi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-3)).toBe('-3');
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\uFEFFa;b\r\n1;x\r\n');
  });
});
