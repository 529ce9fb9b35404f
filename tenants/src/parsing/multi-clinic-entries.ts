/**
 * First pass over a pasted multi-clinic request: finds the labeled lines and
 * the values that belong to them (including values written on the next
 * line and id lists continued over several lines). No validation here.
 */

import { looksLikeIdListLine, splitIdList } from './id-list.ts';
import { type LabelKind, readLabel, splitInlineLabels } from './multi-clinic-labels.ts';
import { splitPastedLines } from './pasted-lines.ts';

export interface IdItem {
  line: number;
  text: string;
}

export interface Entry {
  kind: LabelKind;
  line: number;
  /** Text after the label (for the list: the label line's part only). */
  value: string;
  /** For the list: every id item, from the label line and continuation lines. */
  items: IdItem[];
}

interface Piece {
  line: number;
  text: string;
}

function toPieces(text: string): Piece[] {
  return splitPastedLines(text).flatMap(({ line, text: lineText }) =>
    splitInlineLabels(lineText).map((piece) => ({ line, text: piece })),
  );
}

function itemsOf(piece: Piece, value: string): IdItem[] {
  return splitIdList(value).map((text) => ({ line: piece.line, text }));
}

/** Index of the next non-blank piece after `from`, or -1. */
function nextFilled(pieces: Piece[], from: number): number {
  for (let i = from + 1; i < pieces.length; i += 1) {
    if (pieces[i]?.text !== '') return i;
  }
  return -1;
}

export function readEntries(text: string): Entry[] {
  const pieces = toPieces(text);
  const entries: Entry[] = [];
  let index = 0;
  while (index < pieces.length) {
    const piece = pieces[index] as Piece;
    index += 1;
    const label = readLabel(piece.text);
    if (label === null) continue;
    const entry: Entry = { kind: label.kind, line: piece.line, value: label.value, items: [] };
    entries.push(entry);
    if (label.kind === 'list') {
      entry.items = itemsOf(piece, label.value);
      for (let next = nextFilled(pieces, index - 1); next >= 0; next = nextFilled(pieces, next)) {
        const candidate = pieces[next] as Piece;
        if (readLabel(candidate.text) !== null || !looksLikeIdListLine(candidate.text)) break;
        entry.items.push(...itemsOf(candidate, candidate.text));
        index = next + 1;
      }
    } else if (label.value === '') {
      const next = nextFilled(pieces, index - 1);
      const candidate = pieces[next];
      if (candidate === undefined || readLabel(candidate.text) !== null) continue;
      const belongs =
        label.kind === 'user' ? candidate.text.includes('@') : looksLikeIdListLine(candidate.text);
      if (belongs) {
        entry.value = candidate.text;
        entry.line = candidate.line;
        index = next + 1;
      }
    }
  }
  return entries;
}
