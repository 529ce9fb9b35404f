/**
 * Encoding detection while streaming: bytes are decoded chunk by chunk; as long as they are plain ASCII
 * both candidates agree, so the choice is made at the first chunk with a byte ≥ 0x80 — valid UTF-8 there
 * means UTF-8, invalid sequences mean Windows-1252 (what Excel in Brazil writes). A UTF-8 BOM decides at once.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { Encoding } from './source.ts';

const hasHighByte = (chunk: Uint8Array) => {
  for (let i = 0; i < chunk.length; i++) if (chunk[i]! >= 0x80) return true;
  return false;
};

/** Valid UTF-8, allowing one multi-byte character cut at the chunk's end. */
export function looksUtf8(chunk: Uint8Array): boolean {
  for (let cut = 0; cut <= 3 && cut < chunk.length; cut++) if (isUtf8(chunk.subarray(0, chunk.length - cut))) return true;
  return false;
}

export interface StreamDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
  encoding(): Encoding;
  hadBom(): boolean;
}

export function streamDecoder(): StreamDecoder {
  let decided: Encoding | null = null;
  let decoder: { write(b: Buffer): string; end(): string | undefined } | null = null;
  let first = true;
  let bom = false;
  const decide = (encoding: Encoding) => {
    decided = encoding;
    if (encoding === 'utf-8') {
      const text = new TextDecoder('utf-8');
      decoder = { write: (b) => text.decode(b, { stream: true }), end: () => text.decode() };
    } else decoder = iconv.getDecoder('windows-1252');
  };
  return {
    write(input) {
      let chunk = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
      if (first) {
        first = false;
        if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) {
          bom = true;
          chunk = chunk.subarray(3);
          decide('utf-8');
        }
      }
      if (!decided) {
        if (!hasHighByte(chunk)) return chunk.toString('latin1');
        decide(looksUtf8(chunk) ? 'utf-8' : 'windows-1252');
      }
      return decoder!.write(chunk);
    },
    end: () => (decoder ? (decoder.end() ?? '') : ''),
    encoding: () => decided ?? 'utf-8',
    hadBom: () => bom,
  };
}
