import { formatKilobytes } from './format-size.ts';
import { issueAt } from './make-issue.ts';
import { createSourceLocator } from './text-position.ts';
import type { ValidationIssue } from './types.ts';

export const DEFAULT_MAX_BYTES = 256 * 1024;

const BOM = '\uFEFF';

export type DecodedInput = { ok: true; text: string } | { ok: false; issue: ValidationIssue };

/**
 * Size check (before anything else) and strict UTF-8 decoding. The BOM, if any, is kept in `text`
 * (normalizeFragment removes it and says so); positions in issues never count it.
 */
export function decodeInput(input: Uint8Array | string, maxBytes: number): DecodedInput {
  const size = typeof input === 'string' ? utf8ByteLength(input, maxBytes + 1) : input.byteLength;
  if (size > maxBytes) return { ok: false, issue: tooLarge(size, maxBytes, typeof input === 'string') };

  const decoded = typeof input === 'string' ? input : decodeUtf8(input);
  if (typeof decoded !== 'string') return { ok: false, issue: decoded.issue };

  const withoutBom = decoded.startsWith(BOM) ? decoded.slice(1) : decoded;
  // A NUL never appears in a text file; it usually means the file was saved as UTF-16.
  const nul = withoutBom.indexOf('\0');
  if (nul >= 0) return { ok: false, issue: encodingIssue(withoutBom, nul, true) };
  return { ok: true, text: decoded };
}

function tooLarge(size: number, maxBytes: number, sizeIsLowerBound: boolean): ValidationIssue {
  const actual = sizeIsLowerBound ? 'passa do limite' : `tem ${formatKilobytes(size)}`;
  return {
    key: 'file.tooLarge',
    message:
      `O arquivo ${actual}: o tamanho máximo é ${formatKilobytes(maxBytes)}. ` +
      'Divida as conquistas em mais de um arquivo ou encurte os textos e envie de novo.',
    line: 1,
    column: 1,
    snippet: '',
    pointer: '',
  };
}

function decodeUtf8(bytes: Uint8Array): string | { issue: ValidationIssue } {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    const invalidAt = firstUndecodableChar(bytes, lossy);
    const hadBom = lossy.startsWith(BOM);
    const hasUtf16Bom = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return { issue: encodingIssue(hadBom ? lossy.slice(1) : lossy, hadBom ? invalidAt - 1 : invalidAt, hasUtf16Bom) };
  }
}

/** Index (in the lossy decoding) of the first U+FFFD that does not come from a real EF BF BD in the bytes. */
function firstUndecodableChar(bytes: Uint8Array, lossy: string): number {
  let byteOffset = 0;
  for (let i = 0; i < lossy.length; ) {
    const codePoint = lossy.codePointAt(i) ?? 0;
    const isRealReplacementChar =
      bytes[byteOffset] === 0xef && bytes[byteOffset + 1] === 0xbf && bytes[byteOffset + 2] === 0xbd;
    if (codePoint === 0xfffd && !isRealReplacementChar) return i;
    byteOffset += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    i += codePoint > 0xffff ? 2 : 1;
  }
  return 0;
}

const SAVE_AS_UTF8 = 'Abra o arquivo no Bloco de Notas, use "Salvar como", escolha a codificação "UTF-8" e envie de novo.';

function encodingIssue(text: string, offset: number, looksUtf16: boolean): ValidationIssue {
  const problem = looksUtf16
    ? 'O arquivo está salvo em UTF-16 ("Unicode"), e não em UTF-8.'
    : 'O arquivo não está salvo em UTF-8: há um caractere que não pôde ser lido nesta posição (geralmente uma letra acentuada).';
  return issueAt(createSourceLocator(text), offset, 'file.encoding', `${problem} ${SAVE_AS_UTF8}`);
}

/** UTF-8 size of a JS string, counting only until `stopAfter` bytes. Lone surrogates count as 3 (U+FFFD). */
export function utf8ByteLength(text: string, stopAfter = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes < stopAfter; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
