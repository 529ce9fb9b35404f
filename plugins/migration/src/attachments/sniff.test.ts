import { describe, expect, it } from 'vitest';
import { safeFileName, sniffType } from './sniff.ts';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (s: string) => new TextEncoder().encode(s);

describe('thread attachment sniffing', () => {
  it('knows PNG, JPEG and PDF by their first bytes whatever the name says', () => {
    expect(sniffType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'foto.pdf')).toBe('image/png');
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0), 'x')).toBe('image/jpeg');
    expect(sniffType(text('\n\n%PDF-1.7\n'), 'manual.png')).toBe('application/pdf');
  });

  it('takes text as CSV or TXT only by name and only when it is text', () => {
    expect(sniffType(text('id;nome\r\n1;Ana\r\n'), 'Pacientes.CSV')).toBe('text/csv');
    expect(sniffType(text('Observação: faltam convênios\n'), 'nota.txt')).toBe('text/plain');
    expect(sniffType(text('id;nome\n'), 'pacientes.xlsx')).toBeNull();
    expect(sniffType(bytes(0x4d, 0x5a, 0x90, 0x00), 'programa.csv')).toBeNull(); // an .exe named .csv
    expect(sniffType(text('<html>\u0001'), 'pagina.txt')).toBeNull();
    expect(sniffType(new Uint8Array(0), 'vazio.csv')).toBeNull();
  });

  it('names the file with the extension of what it is', () => {
    expect(safeFileName('C:\\Users\\x\\foto.png', 'application/pdf')).toBe('foto.pdf');
    expect(safeFileName('"<a>".csv', 'text/csv')).toBe('a.csv');
    expect(safeFileName('', 'image/png')).toBe('anexo.png');
  });
});
