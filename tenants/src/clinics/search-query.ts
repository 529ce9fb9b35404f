/**
 * What a person typed in the "Buscar" box of the clinic list, read into one kind of search:
 * the start of a base id (only digits: "100" finds 100, 1001, 10020 …), a CNPJ (14 characters, with or without the mask) or name keywords
 * (every word must appear in the name, in any order, ignoring case and accents).
 */
import { isValidCnpj, normalizeCnpj } from '../parsing/index.ts';
import { foldWord } from './accent-pattern.ts';

export const SEARCH_MAX_LENGTH = 100;
export const SEARCH_MAX_WORDS = 6;
export const BASE_ID_MAX_DIGITS = 9;

export type ClinicSearch =
  | { kind: 'all' }
  /** Every base whose id starts with these digits. */
  | { kind: 'baseId'; id: number }
  | { kind: 'cnpj'; cnpj: string }
  | { kind: 'keywords'; words: string[] };

export function parseClinicSearch(raw: string | undefined): ClinicSearch {
  const text = (raw ?? '').slice(0, SEARCH_MAX_LENGTH).replace(/\s+/g, ' ').trim();
  if (text === '') return { kind: 'all' };
  if (/^\d+$/.test(text)) {
    const significant = text.replace(/^0+/, '');
    if (significant.length > 0 && significant.length <= BASE_ID_MAX_DIGITS) return { kind: 'baseId', id: Number(significant) };
  }
  if (/\d/.test(text)) {
    const cnpj = normalizeCnpj(text);
    if (cnpj !== null && isValidCnpj(cnpj)) return { kind: 'cnpj', cnpj };
  }
  const words = [...new Set(text.split(' ').filter((word) => foldWord(word).replace(/[^\p{L}\p{N}]/gu, '') !== ''))];
  if (words.length === 0) return { kind: 'all' };
  return { kind: 'keywords', words: words.slice(0, SEARCH_MAX_WORDS) };
}
