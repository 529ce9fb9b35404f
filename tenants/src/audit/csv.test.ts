import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe('audit CSV cells', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('diz "oi"')).toBe('"diz ""oi"""');
    expect(csvCell('linha\nnova')).toBe('"linha\nnova"');
    expect(csvCell('simples')).toBe('simples');
    expect(csvCell(null)).toBe('');
    expect(csvCell(1001)).toBe('1001');
  });

  it('neutralises spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+5511')).toBe("'+5511");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('ends lines with CRLF', () => {
    expect(csvLine(['a', 1, null])).toBe('a;1;\r\n');
  });
});
