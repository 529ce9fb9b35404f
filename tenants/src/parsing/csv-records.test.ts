import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csv-records.ts';

describe('readCsvRecords', () => {
  it('gives each record the line it starts on, skipping blank lines', () => {
    const text = 'nome;cidade\r\nA;B\r\n\r\n;\r\n"multi\r\nlinha";x\r\nC;D;E\r\n';
    expect(readCsvRecords(text, { delimiter: ';', maxRecords: 10 })).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['nome', 'cidade'] },
        { line: 2, fields: ['A', 'B'] },
        { line: 5, fields: ['multi\nlinha', 'x'] },
        { line: 7, fields: ['C', 'D', 'E'] },
      ],
    });
  });

  it('handles old Mac line breaks and no final line break', () => {
    expect(readCsvRecords('a,b\rc,d', { delimiter: ',', maxRecords: 10 })).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['c', 'd'] },
      ],
    });
  });

  it('skips an Excel "sep=" line and keeps numbering from the file start', () => {
    expect(readCsvRecords('sep=;\nnome;uf\nA;SP\n', { delimiter: ';', skipLines: 1, maxRecords: 10 })).toEqual({
      ok: true,
      records: [
        { line: 2, fields: ['nome', 'uf'] },
        { line: 3, fields: ['A', 'SP'] },
      ],
    });
  });

  it('trims fields and tolerates stray quotes inside unquoted text', () => {
    expect(readCsvRecords('nome;uf\n  Clínica "Sorriso" ; SP \n "Ana; Lima" ;RJ', { delimiter: ';', maxRecords: 10 })).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['nome', 'uf'] },
        { line: 2, fields: ['Clínica "Sorriso"', 'SP'] },
        { line: 3, fields: ['Ana; Lima', 'RJ'] },
      ],
    });
  });

  it('stops once there are more records than allowed', () => {
    const text = `nome\n${'x\n'.repeat(1000)}`;
    expect(readCsvRecords(text, { delimiter: ';', maxRecords: 10 })).toEqual({ ok: false, tooMany: true });
    expect(readCsvRecords(text, { delimiter: ';', maxRecords: 1001 })).toMatchObject({ ok: true });
  });

  it.each([
    ['nome;uf\nA;SP\n"B;RJ\nC;MG\n', 'há aspas (") abertas e não fechadas a partir da linha 3.'],
    ['nome;uf\nA;SP\n"B"x;RJ\n', 'aspas (") mal colocadas na linha 3.'],
    [`nome;uf\n${'x'.repeat(70_000)};SP\n`, 'o registro que começa na linha 2 passa de 65.536 caracteres'],
  ])('reports unreadable CSV with the line: %#', (text, fragment) => {
    const result = readCsvRecords(text, { delimiter: ';', maxRecords: 10 });
    expect(result).toMatchObject({ ok: false, tooMany: false });
    expect(!result.ok && !result.tooMany && result.error).toContain(fragment);
  });
});
