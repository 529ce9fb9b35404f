import { describe, expect, it } from 'vitest';
import { safeFileName, sniffFileType } from './file-type.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);
const pdf = text('%PDF-1.7\n%âãÏÓ\n1 0 obj');

describe('sniffFileType', () => {
  it('recognises PNG, JPEG and PDF by their first bytes, whatever the name says', () => {
    expect(sniffFileType(png, { name: 'foto.pdf' })).toBe('image/png');
    expect(sniffFileType(jpeg)).toBe('image/jpeg');
    expect(sniffFileType(pdf, { name: 'manual.png' })).toBe('application/pdf');
  });

  it('accepts a PDF header after a little leading junk, as PDF readers do, but not past 1 KiB', () => {
    expect(sniffFileType(new Uint8Array([0x0a, 0x0d, 0x20, ...pdf]))).toBe('application/pdf');
    const far = new Uint8Array(2000);
    far.set(pdf, 1500);
    expect(sniffFileType(far)).toBeNull();
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(sniffFileType(text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), { name: 'a.png' })).toBeNull();
    expect(sniffFileType(text('<html><body>oi</body></html>'))).toBeNull();
    expect(sniffFileType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeNull(); // GIF89a
    expect(sniffFileType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // ZIP / DOCX
    expect(sniffFileType(bytes(0x89, 0x50, 0x4e))).toBeNull(); // truncated PNG
    expect(sniffFileType(bytes())).toBeNull();
  });

  it('takes text as CSV or TXT only when the caller accepts text, by the name, and only when it is text', () => {
    expect(sniffFileType(text('id;nome\r\n1;Ana\r\n'), { name: 'Pacientes.CSV' })).toBeNull(); // text not accepted
    expect(sniffFileType(text('id;nome\r\n1;Ana\r\n'), { name: 'Pacientes.CSV', text: true })).toBe('text/csv');
    expect(sniffFileType(text('Observação: faltam convênios\n'), { name: 'nota.txt', text: true })).toBe('text/plain');
    expect(sniffFileType(text('id;nome\n'), { name: 'pacientes.xlsx', text: true })).toBeNull();
    expect(sniffFileType(bytes(0x4d, 0x5a, 0x90, 0x00), { name: 'programa.csv', text: true })).toBeNull(); // an .exe named .csv
    expect(sniffFileType(text('<html>\u0001'), { name: 'pagina.txt', text: true })).toBeNull();
    expect(sniffFileType(new Uint8Array(0), { name: 'vazio.csv', text: true })).toBeNull();
  });
});

describe('safeFileName', () => {
  it('drops paths and dangerous characters and uses the detected type as extension', () => {
    expect(safeFileName('C:\\Users\\ana\\Guia TISS.png', 'image/png')).toBe('Guia TISS.png');
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('foto.png', 'application/pdf')).toBe('foto.pdf');
    expect(safeFileName('a"b<c>\r\n.jpeg', 'image/jpeg')).toBe('abc.jpg');
    expect(safeFileName('"<a>".csv', 'text/csv')).toBe('a.csv');
    expect(safeFileName('', 'image/png')).toBe('anexo.png');
  });
});
