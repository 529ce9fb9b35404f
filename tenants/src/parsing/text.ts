/**
 * Text folding for tolerant matching: lower case, no accents, so
 * "Clínica", "CLINICA" and "clinica" compare equal.
 */

const COMBINING_MARKS = /\p{M}/gu;

/** Folds one string: removes diacritics and lower-cases it. */
export function foldText(input: string): string {
  return input.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** Folds and also collapses runs of whitespace into one space, trimmed. */
export function foldKey(input: string): string {
  return foldText(input).replace(/\s+/g, ' ').trim();
}

export interface FoldedText {
  /** The folded text. */
  folded: string;
  /**
   * offsets[i] is the index in the original string of folded[i];
   * offsets[folded.length] is the original length.
   */
  offsets: number[];
}

/**
 * Folds code point by code point, keeping where each folded character came
 * from, so a match found in the folded text can be cut from the original.
 */
export function foldWithOffsets(input: string): FoldedText {
  let folded = '';
  const offsets: number[] = [];
  let index = 0;
  for (const char of input) {
    const piece = foldText(char);
    for (let i = 0; i < piece.length; i += 1) offsets.push(index);
    folded += piece;
    index += char.length;
  }
  offsets.push(input.length);
  return { folded, offsets };
}

/** 20000 → "20.000" (pt-BR digit grouping, independent of the ICU build). */
export function formatInteger(value: number): string {
  const sign = value < 0 ? '-' : '';
  return sign + String(Math.trunc(Math.abs(value))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** Cuts long user text for quoting in a message: "abc…" (at most `max` characters). */
export function shorten(text: string, max = 60): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
