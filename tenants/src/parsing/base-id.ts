/** Base id ("id da base"): a positive integer with at most 9 digits. */

import { shorten } from './text.ts';

export const BASE_ID_MAX_DIGITS = 9;

export type BaseIdParse = { ok: true; value: number } | { ok: false; message: string };

/**
 * Parses one base id written by a person ("1234", " 0042 "). Leading zeros
 * are ignored. The error message quotes the text and says what is wrong.
 */
export function parseBaseId(text: string): BaseIdParse {
  const trimmed = text.trim();
  const quoted = `“${shorten(trimmed)}”`;
  if (!/^[0-9]+$/.test(trimmed)) {
    return {
      ok: false,
      message: `O id da base ${quoted} não é válido: use apenas números (sem letras, pontos ou espaços).`,
    };
  }
  const significant = trimmed.replace(/^0+/, '');
  if (significant === '') {
    return { ok: false, message: `O id da base ${quoted} não é válido: deve ser maior que zero.` };
  }
  if (significant.length > BASE_ID_MAX_DIGITS) {
    return {
      ok: false,
      message: `O id da base ${quoted} não é válido: tem mais de ${BASE_ID_MAX_DIGITS} dígitos.`,
    };
  }
  return { ok: true, value: Number(significant) };
}

/** True for a number that can be a base id. */
export function isBaseId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value < 10 ** BASE_ID_MAX_DIGITS;
}
