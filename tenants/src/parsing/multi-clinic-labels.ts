/**
 * Recognizes the three labels of a multi-clinic request, however they are
 * typed: "Usuário:", "Já está cadastrado na clínica:", "Multi clínica para
 * as clínicas:" (with or without accents, any case, extra spaces, bold
 * markers, "=" instead of ":" or no separator at all).
 */

import { foldWithOffsets } from './text.ts';

export type LabelKind = 'user' | 'existing' | 'list';

export interface LabeledLine {
  kind: LabelKind;
  /** Original text after the label, trimmed (may be empty). */
  value: string;
}

/** Human names of the labels, as the seed writes them. */
export const LABEL_NAMES: Readonly<Record<LabelKind, string>> = {
  user: 'Usuário',
  existing: 'Já está cadastrado na clínica',
  list: 'Multi clínica para as clínicas',
};

const MAX_LABEL_LENGTH = 80;

const EXISTING_LABEL =
  /^(?:o\s+)?(?:usuario\s+)?(?:ja\s+)?(?:esta\s+)?cadastrad[oa]\b|^ja\s+esta\b|^(?:clinica|base)\s+(?:atual|de\s+origem)$/;
const USER_LABEL = /^(?:o\s+)?(?:usuario|user|e-?mail|login)\b/;
const LIST_LABEL =
  /^(?:acesso\s+|liberar\s+|liberacao\s+)?multi\s*(?:-\s*)?clinicas?\b|^(?:para\s+)?(?:as\s+|nas\s+)?(?:clinicas|bases)(?:\s+(?:adicionais|novas|solicitadas|desejadas))?$/;

/** Labels written without a separator: "Usuario fulano@x.com". */
const BARE_LABELS: ReadonlyArray<readonly [LabelKind, RegExp]> = [
  ['existing', /^ja\s+esta\s+cadastrad[oa]\s+n[ao]s?\s+(?:clinica|base)s?\s+(?=\d)/],
  ['list', /^multi\s*(?:-\s*)?clinicas?\s+para\s+(?:as\s+)?(?:clinicas|bases)\s+(?=["'“]?\d)/],
  ['user', /^(?:usuario|e-?mail|login)\s+(?=[^\s@]+@)/],
];

/** Where a second label starts inside a one-line request. */
const INLINE_LABEL =
  /\s(?=ja\s+esta\s+cadastrad[oa]\s+n[ao]s?\s+(?:clinica|base)s?\s*[:=]|multi\s*(?:-\s*)?clinicas?\s+para\s+(?:as\s+)?(?:clinicas|bases)\s*[:=])/g;

function kindOfLabel(label: string): LabelKind | null {
  if (EXISTING_LABEL.test(label)) return 'existing';
  if (USER_LABEL.test(label)) return 'user';
  if (LIST_LABEL.test(label)) return 'list';
  return null;
}

/**
 * Drops the closing bold/strike/italic marker of "*Usuário:* valor" (also
 * "*Usuário:*valor"). "_" is kept when glued to the value: e-mail addresses
 * may start with "_", but not in practice with "*" or "~".
 */
function trimValue(value: string): string {
  return value.trim().replace(/^[*~]+|^_+(?=\s|$)/, '').trim();
}

function labelAt(text: string, folded: string, offsets: number[], separator: number): LabeledLine | null {
  if (separator < 0 || separator > MAX_LABEL_LENGTH) return null;
  const label = folded
    .slice(0, separator)
    .replace(/[*_~]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  const kind = kindOfLabel(label);
  return kind === null ? null : { kind, value: trimValue(text.slice(offsets[separator + 1])) };
}

/** Returns the label kind and value of a cleaned line, or null for other lines. */
export function readLabel(text: string): LabeledLine | null {
  const { folded, offsets } = foldWithOffsets(text);
  const withColon = labelAt(text, folded, offsets, folded.search(/[:：]/));
  if (withColon !== null) return withColon;
  for (const [kind, pattern] of BARE_LABELS) {
    const match = pattern.exec(folded);
    if (match) return { kind, value: trimValue(text.slice(offsets[match[0].length])) };
  }
  return labelAt(text, folded, offsets, folded.indexOf('='));
}

/**
 * Splits a line holding several labels ("Usuário: a@b.com Já está
 * cadastrado na clínica: 1 Multi clínica para as clínicas: 2, 3"), as
 * happens when an e-mail client joins lines. Other lines come back whole.
 */
export function splitInlineLabels(text: string): string[] {
  const { folded, offsets } = foldWithOffsets(text);
  const cuts = [...folded.matchAll(INLINE_LABEL)].map((match) => offsets[match.index] ?? 0);
  if (cuts.length === 0) return [text];
  const pieces: string[] = [];
  let start = 0;
  for (const cut of cuts) {
    pieces.push(text.slice(start, cut).trim());
    start = cut;
  }
  pieces.push(text.slice(start).trim());
  return pieces.filter((piece) => piece !== '');
}
