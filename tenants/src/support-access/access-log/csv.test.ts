import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.ts';

describe('csv cells', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvLine(['a;b', 'di"z', 'x\ny', 3, null])).toBe('"a;b";"di""z";"x\ny";3;\r\n');
  });
  it('neutralises formulas', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('Chamado #4821')).toBe('Chamado #4821');
  });
});
