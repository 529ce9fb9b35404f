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

/** How many bytes at the end of a chunk begin a multi-byte character that the next chunk completes. */
function incompleteTail(chunk: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= chunk.length; back++) {
    const b = chunk[chunk.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > back ? back : 0;
  }
  return 0;
}

/** Valid UTF-8, allowing one multi-byte character cut at the chunk's end. */
export function looksUtf8(chunk: Uint8Array): boolean {
  return isUtf8(chunk.subarray(0, chunk.length - incompleteTail(chunk)));
}

export const hasUtf8Bom = (chunk: Uint8Array) => chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;

/** Watches the bytes going by and settles the encoding at the first non-ASCII chunk. */
export class EncodingSniffer {
  private decided: Encoding | null = null;
  private first = true;
  /** The start of a character cut at the previous chunk's end. */
  private carry: Uint8Array | null = null;

  see(input: Uint8Array): void {
    if (this.decided) return;
    if (this.first && input.length >= 3) {
      this.first = false;
      if (hasUtf8Bom(input)) {
        this.decided = 'utf-8';
        return;
      }
    }
    const chunk = this.carry ? Buffer.concat([this.carry, input]) : input;
    this.carry = null;
    if (!hasHighByte(chunk)) return;
    const tail = incompleteTail(chunk);
    const whole = chunk.subarray(0, chunk.length - tail);
    if (tail > 0 && !hasHighByte(whole)) {
      this.carry = chunk.slice(chunk.length - tail);
      return;
    }
    this.decided = isUtf8(whole) ? 'utf-8' : 'windows-1252';
  }

  /** At the end of the file: a character still cut short means the bytes were not UTF-8. */
  end(): void {
    if (!this.decided && this.carry) this.decided = 'windows-1252';
    this.carry = null;
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
