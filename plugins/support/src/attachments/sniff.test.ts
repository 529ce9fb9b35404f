import { describe, expect, it } from 'vitest';
import { checkFiles, MAX_ATTACHMENT_BYTES, sniffType } from './sniff.ts';

const bytes = (...b: number[]) => new Uint8Array(b);
const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13);
const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46);
const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj');

describe('sniffType of ticket attachments', () => {
  it('takes PNG, JPEG and PDF by their first bytes, and no text file, even a CSV', () => {
    expect(sniffType(png)).toBe('image/png');
    expect(sniffType(jpeg)).toBe('image/jpeg');
    expect(sniffType(pdf)).toBe('application/pdf');
    expect(sniffType(new TextEncoder().encode('id;nome\r\n1;Ana\r\n'))).toBeNull();
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
