import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding.ts';

const SAMPLE = 'nome;cidade;uf\nClínica São José;São Paulo;SP\nConsultório Ação;Maceió;AL\n';

describe('decodeText — accepted', () => {
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(Buffer.from(SAMPLE, 'utf8'))).toEqual({ ok: true, encoding: 'utf-8', text: SAMPLE });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE, 'utf8')]);
    expect(decodeText(bytes)).toEqual({ ok: true, encoding: 'utf-8', text: SAMPLE });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('nome\nClinica A\n'))).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it.each([
    SAMPLE,
    'nome;uf\nÓtica;SP\n',
    'nome\nAçaí\n',
    'nome,cidade\nCLÍNICA ÉDEN,GOIÂNIA\n',
    'nome;cidade\n"Clínica “Sorriso” – Unidade 2";Jundiaí\n',
    'nome;endereço\n1ª Clínica Popular;Rua São Bento, nº 5\n',
  ])('reads Windows-1252 %j', (text) => {
    expect(decodeText(iconv.encode(text, 'windows-1252'))).toEqual({ ok: true, encoding: 'windows-1252', text });
  });

  it('round-trips Portuguese text in both encodings', () => {
    const letters = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ;,."-/&'];
    // Without "º"/"ª"/typographic punctuation (bytes 0x80–0xBF), accented
    // Windows-1252 text is never valid UTF-8. With them, a file whose only
    // non-ASCII characters are pairs like "Çª" would read as UTF-8 ("Ǫ"): a
    // theoretical ambiguity no real clinic list runs into.
    const accented = [...'áàâãéêíóôõúüçÁÀÂÃÉÊÍÓÔÕÚÇ'];
    const text = fc
      .tuple(
        fc.array(fc.constantFrom(...letters, ...accented, '\n'), { maxLength: 300 }),
        fc.constantFrom(...accented),
      )
      .map(([chars, accent]) => `nome\n${chars.join('')}${accent}\n`);
    fc.assert(
      fc.property(text, (value) => {
        expect(decodeText(iconv.encode(value, 'windows-1252'))).toEqual({
          ok: true,
          encoding: 'windows-1252',
          text: value,
        });
        expect(decodeText(Buffer.from(value, 'utf8'))).toEqual({ ok: true, encoding: 'utf-8', text: value });
      }),
      { numRuns: 300 },
    );
  });
});

describe('decodeText — refused', () => {
  it.each([
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(SAMPLE, 'utf16le')]), 'UTF-16'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(SAMPLE, 'utf16be')]), 'UTF-16'],
    ['UTF-16 LE without BOM', iconv.encode(SAMPLE, 'utf16le'), 'UTF-16'],
    ['an .xlsx file', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), '(.xlsx)'],
    ['an .xls file', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), '(.xls)'],
    ['a PDF', Buffer.from('%PDF-1.7\n'), 'PDF'],
    ['Shift_JIS', iconv.encode('名前,都市\n東京クリニック,大阪\n田中医院,京都\n', 'Shift_JIS'), 'codificação'],
    ['Cyrillic Windows-1251', iconv.encode('имя,город\nКлиника Здоровье,Москва\n', 'windows-1251'), 'codificação'],
    ['KOI8-R', iconv.encode('имя,город\nКлиника Здоровье,Москва\n', 'koi8-r'), 'codificação'],
    ['bytes undefined in Windows-1252', Buffer.from([0x6e, 0x6f, 0x6d, 0x65, 0x0a, 0x81, 0xe9]), 'codificação'],
    ['ASCII with a NUL byte', Buffer.from('nome;cidade\nA\0;B\n'), 'caracteres de controle'],
    ['ASCII with a control character', Buffer.from('nome;cidade\nA\x07;B\n'), 'caracteres de controle'],
    [
      'random binary',
      Buffer.from(Array.from({ length: 300 }, (_, i) => (i * 7919 + 13) % 256)),
      'UTF-8 (delimitado por vírgulas)',
    ],
  ])('%s', (_name, bytes, fragment) => {
    const result = decodeText(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(fragment);
  });

  it('tells how to save the file as CSV UTF-8', () => {
    const result = decodeText(iconv.encode(SAMPLE, 'utf16le'));
    expect(!result.ok && result.error).toContain('Salvar como › “CSV UTF-8 (delimitado por vírgulas)”');
  });
});
