import { describe, expect, it } from 'vitest';
import { decodeInput, utf8ByteLength } from './decode-input.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeInput', () => {
  it('decodes UTF-8 and keeps the BOM for the normaliser', () => {
    expect(decodeInput(utf8('{"a":"ção"}'), 100)).toEqual({ ok: true, text: '{"a":"ção"}' });
    expect(decodeInput(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), 100)).toEqual({ ok: true, text: '\uFEFF{}' });
  });

  it('accepts a file of exactly maxBytes and refuses one byte more, with the limit in KB', () => {
    expect(decodeInput(new Uint8Array(2048).fill(0x20), 2048).ok).toBe(true);
    const result = decodeInput(new Uint8Array(2049).fill(0x20), 2048);
    expect(result).toMatchObject({ ok: false, issue: { key: 'file.tooLarge', line: 1, column: 1 } });
    if (!result.ok) expect(result.issue.message).toContain('2 KB');
  });

  it('measures strings in UTF-8 bytes', () => {
    expect(decodeInput('ç'.repeat(6), 12).ok).toBe(true);
    expect(decodeInput('ç'.repeat(7), 12)).toMatchObject({ ok: false, issue: { key: 'file.tooLarge' } });
  });

  it('refuses the size before looking at the encoding', () => {
    const result = decodeInput(new Uint8Array([0xff, 0xff, 0xff]), 2);
    expect(result).toMatchObject({ ok: false, issue: { key: 'file.tooLarge' } });
  });

  it('locates the first byte that is not UTF-8 (Windows-1252 "ç")', () => {
    const bytes = new Uint8Array([...utf8('{\n  "a": "Autoriza'), 0xe7, 0xe3, ...utf8('o"\n}')]);
    const result = decodeInput(bytes, 1000);
    expect(result).toMatchObject({ ok: false, issue: { key: 'file.encoding', line: 2, column: 17 } });
    if (!result.ok) expect(result.issue.message).toContain('UTF-8');
  });

  it('does not count a real U+FFFD or the BOM as the invalid character', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('"\uFFFD'), 0x80]);
    expect(decodeInput(bytes, 1000)).toMatchObject({ ok: false, issue: { key: 'file.encoding', line: 1, column: 3 } });
  });

  it('recognises UTF-16 files', () => {
    const withBom = decodeInput(new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]), 1000);
    expect(withBom).toMatchObject({ ok: false, issue: { key: 'file.encoding', line: 1, column: 1 } });
    if (!withBom.ok) expect(withBom.issue.message).toContain('UTF-16');
    const withoutBom = decodeInput(new Uint8Array([0x7b, 0x00, 0x7d, 0x00]), 1000);
    expect(withoutBom).toMatchObject({ ok: false, issue: { key: 'file.encoding', line: 1, column: 2 } });
  });
});

describe('utf8ByteLength', () => {
  it('matches TextEncoder, lone surrogates included', () => {
    for (const text of ['', 'abc', 'ção', '😀', 'a\uD800b', '\uDC00', '€uro']) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
  });

  it('can stop counting early', () => {
    expect(utf8ByteLength('a'.repeat(1000), 10)).toBe(10);
  });
});
