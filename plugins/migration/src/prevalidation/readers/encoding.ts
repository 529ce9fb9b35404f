/**
 * Encoding detection: bytes stay bytes (the parser decodes fields itself), and the encoding is decided
 * at the first chunk with a byte ≥ 0x80 — as long as everything is plain ASCII both candidates agree.
 * Valid UTF-8 there means UTF-8; invalid sequences mean Windows-1252 (what Excel in Brazil writes). A UTF-8
 * BOM decides at once. Windows-1252 is parsed as Latin-1 (the same bytes except 0x80–0x9F: €, “ ” – …),
 * and `fromLatin1` puts those few characters right in what is shown.
 */
import { isUtf8 } from 'node:buffer';
import type { Encoding } from './source.ts';

export const hasHighByte = (chunk: Uint8Array) => {
  for (let i = 0; i < chunk.length; i++) if (chunk[i]! >= 0x80) return true;
  return false;
};

/** Valid UTF-8, allowing one multi-byte character cut at the chunk's end. */
export function looksUtf8(chunk: Uint8Array): boolean {
  for (let cut = 0; cut <= 3 && cut < chunk.length; cut++) if (isUtf8(chunk.subarray(0, chunk.length - cut))) return true;
  return false;
}

export const hasUtf8Bom = (chunk: Uint8Array) => chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;

/** Watches the bytes going by and settles the encoding at the first non-ASCII chunk. */
export class EncodingSniffer {
  private decided: Encoding | null = null;
  private first = true;

  see(chunk: Uint8Array): void {
    if (this.decided) return;
    if (this.first) {
      this.first = false;
      if (hasUtf8Bom(chunk)) {
        this.decided = 'utf-8';
        return;
      }
    }
    if (hasHighByte(chunk)) this.decided = looksUtf8(chunk) ? 'utf-8' : 'windows-1252';
  }

  /** The encoding once decided (null while everything seen was ASCII). */
  get current(): Encoding | null {
    return this.decided;
  }

  /** The final answer: plain ASCII is valid UTF-8. */
  encoding(): Encoding {
    return this.decided ?? 'utf-8';
  }
}

const CP1252: Record<number, string> = {
  0x80: '€', 0x82: '‚', 0x83: 'ƒ', 0x84: '„', 0x85: '…', 0x86: '†', 0x87: '‡', 0x88: 'ˆ', 0x89: '‰', 0x8a: 'Š', 0x8b: '‹', 0x8c: 'Œ', 0x8e: 'Ž',
  0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x98: '˜', 0x99: '™', 0x9a: 'š', 0x9b: '›', 0x9c: 'œ', 0x9e: 'ž', 0x9f: 'Ÿ',
};

/** A Windows-1252 text read as Latin-1, with its 0x80–0x9F characters put right. */
export function fromLatin1(text: string): string {
  return /[\u0080-\u009f]/.test(text) ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0)] ?? c) : text;
}

/** A UTF-8 text that was read as Latin-1 (the file looked ASCII at first), decoded again. */
export function utf8FromLatin1(text: string): string {
  return /[\u0080-\u00ff]/.test(text) ? Buffer.from(text, 'latin1').toString('utf8') : text;
}
