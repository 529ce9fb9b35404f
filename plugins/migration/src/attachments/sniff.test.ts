import { describe, expect, it } from 'vitest';
import { sniffType } from './sniff.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('thread attachments of a migration request', () => {
  it('take images and PDF by their bytes, and a CSV or TXT sample of the legacy data when it is text', () => {
    expect(sniffType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'print.pdf')).toBe('image/jpeg');
    expect(sniffType(text('id;nome\r\n1;Ana\r\n'), 'Pacientes.CSV')).toBe('text/csv');
    expect(sniffType(text('faltam convênios\n'), 'nota.txt')).toBe('text/plain');
    expect(sniffType(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]), 'programa.csv')).toBeNull();
  });
});
