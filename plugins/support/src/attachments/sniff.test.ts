import { describe, expect, it } from 'vitest';
import { checkFiles, MAX_ATTACHMENT_BYTES, safeFileName, sniffType } from './sniff.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');

describe('sniffType', () => {
  it('recognises PNG, JPEG and PDF by their first bytes', () => {
    expect(sniffType(png)).toBe('image/png');
    expect(sniffType(jpeg)).toBe('image/jpeg');
    expect(sniffType(pdf)).toBe('application/pdf');
  });

  it('accepts a PDF header after a little leading junk, as PDF readers do', () => {
    const junk = new Uint8Array([0x0a, 0x0d, 0x20, ...pdf]);
    expect(sniffType(junk)).toBe('application/pdf');
    const far = new Uint8Array(2000);
    far.set(pdf, 1500);
    expect(sniffType(far)).toBeNull();
  });

  it('refuses everything else, whatever it claims to be', () => {
    expect(sniffType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'))).toBeNull();
    expect(sniffType(new TextEncoder().encode('<html><body>oi</body></html>'))).toBeNull();
    expect(sniffType(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeNull(); // GIF89a
    expect(sniffType(bytes(0x50, 0x4b, 0x03, 0x04))).toBeNull(); // ZIP / DOCX
    expect(sniffType(bytes(0x89, 0x50, 0x4e))).toBeNull(); // truncated PNG
    expect(sniffType(bytes())).toBeNull();
  });
});

describe('checkFiles', () => {
  it('names each problem in pt-BR and keeps the good files', () => {
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(png);
    const { accepted, problems } = checkFiles([
      { name: 'print.png', bytes: png },
      { name: 'virus.pdf', bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf') },
      { name: 'grande.png', bytes: big },
    ]);
    expect(accepted.map((a) => [a.fileName, a.type])).toEqual([['print.png', 'image/png']]);
    expect(problems).toEqual([
      'O arquivo "virus.pdf" não é uma imagem PNG/JPG nem um PDF. Anexe só imagens ou PDF.',
      'O arquivo "grande.png" tem mais de 5 MB. Reduza o tamanho (ou tire um print só da parte importante).',
    ]);
  });

  it('accepts exactly 5 MB, refuses more than three files and empty files, ignores empty file inputs', () => {
    const five = new Uint8Array(MAX_ATTACHMENT_BYTES);
    five.set(jpeg);
    expect(checkFiles([{ name: 'a.jpg', bytes: five }]).problems).toEqual([]);
    expect(checkFiles([{ name: '', bytes: new Uint8Array() }])).toEqual({ accepted: [], problems: [] });
    expect(checkFiles([{ name: 'vazio.png', bytes: new Uint8Array() }]).problems).toEqual(['O arquivo "vazio.png" está vazio.']);
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `${i}.png`, bytes: png }));
    expect(checkFiles(four).problems[0]).toBe('Envie no máximo 3 anexos por mensagem.');
  });
});

describe('safeFileName', () => {
  it('drops paths and dangerous characters and uses the detected type as extension', () => {
    expect(safeFileName('C:\\Users\\ana\\Guia TISS.png', 'image/png')).toBe('Guia TISS.png');
    expect(safeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(safeFileName('foto.png', 'application/pdf')).toBe('foto.pdf');
    expect(safeFileName('a"b<c>\r\n.jpeg', 'image/jpeg')).toBe('abc.jpg');
    expect(safeFileName('', 'image/png')).toBe('anexo.png');
  });
});
