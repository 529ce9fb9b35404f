import { describe, expect, it } from 'vitest';
import { csvCell, hoursPtBr, toCsv } from './csv.ts';

describe('csv', () => {
  it('quotes separators and neutralises formulas', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('diz "oi"')).toBe('"diz ""oi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(null)).toBe('');
  });
  it('starts with a BOM and uses CRLF', () => {
    expect(toCsv(['a', 'b'], [[1, 'x']])).toBe('\ufeffa;b\r\n1;x\r\n');
    expect(hoursPtBr(3.5 * 3_600_000)).toBe('3,5');
  });
});
