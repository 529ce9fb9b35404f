/**
 * Works out how an uploaded text file is encoded and decodes it. Brazilian
 * spreadsheets arrive either as UTF-8 (with or without BOM) or as
 * Windows-1252 ("CSV (separado por vírgulas)" in Excel on Windows).
 *
 * Order: known non-text signatures → BOM → strict UTF-8 validity → chardet,
 * backed by a Portuguese plausibility check (chardet is weak on short files).
 */

import chardet from 'chardet';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252';

export type DecodedText = { ok: true; encoding: TextEncoding; text: string } | { ok: false; error: string };

const SAVE_AS_CSV = 'No Excel, use Arquivo › Salvar como › “CSV UTF-8 (delimitado por vírgulas)”.';

const SIGNATURES: ReadonlyArray<readonly [number[], string]> = [
  [[0x50, 0x4b, 0x03, 0x04], 'O arquivo parece ser uma planilha do Excel (.xlsx), não um CSV.'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'O arquivo parece ser uma planilha do Excel (.xls), não um CSV.'],
  [[0x25, 0x50, 0x44, 0x46], 'O arquivo é um PDF, não um CSV.'],
];

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_BOMS = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];
const LATIN1_FAMILY: ReadonlySet<string> = new Set(['ISO-8859-1', 'windows-1252', 'ISO-8859-15']);
/** Bytes that Windows-1252 leaves undefined. */
const UNDEFINED_IN_1252: ReadonlySet<number> = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
/** Non-ASCII characters expected in Brazilian clinic data. */
const PORTUGUESE_NON_ASCII = /^[áàâãéêíóôõúüçÁÀÂÃÉÊÍÓÔÕÚÜÇñÑºª°€‘’“”–—…•·\u00A0]*$/;

const CHARDET_SAMPLE_BYTES = 64 * 1024;
/** C0 controls other than tab, line feed, form feed and carriage return. */
const CONTROL_CHARACTERS = /[\x00-\x08\x0b\x0e-\x1f]/;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasUndefined1252Bytes(bytes: Uint8Array): boolean {
  return bytes.some((byte) => UNDEFINED_IN_1252.has(byte));
}

function looksLikeUtf16(bytes: Uint8Array): boolean {
  const name = chardet.detect(bytes) ?? '';
  if (name.startsWith('UTF-16') || name.startsWith('UTF-32')) return true;
  let zeros = 0;
  for (const byte of bytes.subarray(0, 4096)) if (byte === 0) zeros += 1;
  return zeros > Math.min(bytes.length, 4096) / 4;
}

function isWindows1252(bytes: Uint8Array, text: string): boolean {
  const matches = chardet.analyse(bytes.subarray(0, CHARDET_SAMPLE_BYTES));
  const best = matches[0]?.confidence ?? 0;
  const latinOnTop = matches.some((m) => m.confidence === best && LATIN1_FAMILY.has(m.name));
  return latinOnTop || PORTUGUESE_NON_ASCII.test(text.replace(/[\x00-\x7f]/g, ''));
}

function decodeUtf8OrWindows1252(bytes: Uint8Array): { encoding: TextEncoding; text: string } | null {
  if (isUtf8(bytes)) return { encoding: 'utf-8', text: iconv.decode(Buffer.from(bytes), 'utf-8') };
  if (startsWith(bytes, UTF8_BOM) || hasUndefined1252Bytes(bytes)) return null;
  const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
  return isWindows1252(bytes, text) ? { encoding: 'windows-1252', text } : null;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  for (const [signature, error] of SIGNATURES) {
    if (startsWith(bytes, signature)) return { ok: false, error: `${error} ${SAVE_AS_CSV}` };
  }
  if (UTF16_BOMS.some((bom) => startsWith(bytes, bom)) || (bytes.includes(0) && looksLikeUtf16(bytes))) {
    return {
      ok: false,
      error: `O arquivo está em UTF-16 (“Texto Unicode”), que não é aceito. ${SAVE_AS_CSV}`,
    };
  }
  const decoded = decodeUtf8OrWindows1252(bytes);
  if (decoded === null) {
    return {
      ok: false,
      error: `Não foi possível reconhecer a codificação do arquivo (aceitamos UTF-8 e Windows-1252). ${SAVE_AS_CSV}`,
    };
  }
  if (CONTROL_CHARACTERS.test(decoded.text)) {
    return {
      ok: false,
      error: `O arquivo não parece ser um texto CSV (tem caracteres de controle ou dados binários). ${SAVE_AS_CSV}`,
    };
  }
  return { ok: true, ...decoded };
}
