/**
 * Splits a typed list of base ids into items: "2345, 3456; 4567 e 5678",
 * "\"0000, 0000, etc...\"", "#2345 (Clínica Sorriso), nº 3456.". Items are
 * returned as written (not yet validated) so errors can quote them.
 */

import { foldText } from './text.ts';

const QUOTES = /["“”‘’«»`´]|(?<![\p{L}\d])'|'(?![\p{L}\d])/gu;
const PARENTHESES = /\([^()]*\)/g;
const ETC = /\betc\b\.*|\.{2,}|…/gi;
const SEPARATORS = /[\s,;|/&+]+/;
const FILLERS: ReadonlySet<string> = new Set(['e', 'id', 'ids', 'base', 'bases', 'n', 'no', 'nº', 'n°']);
const ID_PREFIX = /^(?:#|n[º°o]\.?)(?=\d)/i;
const TRAILING_PUNCTUATION = /[.:!?]+$/;

export function splitIdList(value: string): string[] {
  return value
    .replace(PARENTHESES, ' ')
    .replace(QUOTES, ' ')
    .replace(ETC, ' ')
    .split(SEPARATORS)
    .map((item) => item.replace(TRAILING_PUNCTUATION, '').replace(ID_PREFIX, ''))
    .filter((item) => item !== '' && !FILLERS.has(foldText(item)));
}

/** A line that continues a list on the next line: starts with a number. */
export function looksLikeIdListLine(text: string): boolean {
  return /^["“'‘]?\s*(?:#|n[º°o]\.?\s*)?\d/i.test(text) && !/[:=]/.test(text);
}
