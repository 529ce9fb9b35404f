/**
 * Turns UTF-16 offsets of a text into 1-based line/column (columns in code points, as people count
 * characters) and source snippets. Every query is O(log n), even on a file that is one long line.
 */

export interface TextPosition {
  line: number;
  column: number;
}

export interface SourceLocator {
  readonly lineCount: number;
  position(offset: number): TextPosition;
  /** The source line containing `offset`, cut to a window around it when very long. */
  snippet(offset: number): string;
}

const SNIPPET_MAX_UNITS = 160;

export function createSourceLocator(text: string): SourceLocator {
  const lineStarts = [0];
  const lineEnds: number[] = [];
  /** Offsets of the second half of every surrogate pair: those units do not count as columns. */
  const pairTails: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit) && isLowSurrogate(text.charCodeAt(i + 1))) {
      pairTails.push(++i);
    } else if (unit === 0x0a || unit === 0x0d) {
      lineEnds.push(i);
      if (unit === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
      lineStarts.push(i + 1);
    }
  }
  lineEnds.push(text.length);

  const clamp = (offset: number) => Math.min(Math.max(Math.trunc(offset) || 0, 0), text.length);
  const lineIndexOf = (offset: number) => countAtMost(lineStarts, offset) - 1;

  return {
    lineCount: lineStarts.length,
    position(offset) {
      const clamped = clamp(offset);
      const index = lineIndexOf(clamped);
      const start = lineStarts[index] ?? 0;
      const end = Math.min(clamped, lineEnds[index] ?? text.length);
      const tailsBefore = countAtMost(pairTails, end - 1) - countAtMost(pairTails, start - 1);
      return { line: index + 1, column: end - start - tailsBefore + 1 };
    },
    snippet(offset) {
      const clamped = clamp(offset);
      const index = lineIndexOf(clamped);
      return window(text, lineStarts[index] ?? 0, lineEnds[index] ?? text.length, clamped);
    },
  };
}

/** Number of sorted `values` that are ≤ `limit`. */
function countAtMost(values: number[], limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

function window(text: string, start: number, end: number, offset: number): string {
  let from = start;
  let to = end;
  if (end - start > SNIPPET_MAX_UNITS) {
    from = Math.max(start, Math.min(offset - SNIPPET_MAX_UNITS / 2, end - SNIPPET_MAX_UNITS));
    to = from + SNIPPET_MAX_UNITS;
    if (isLowSurrogate(text.charCodeAt(from)) && from > start) from++;
    if (isLowSurrogate(text.charCodeAt(to)) && to < end) to--;
  }
  const before = from > start ? '…' : '';
  const after = to < end ? '…' : '';
  // Invisible control characters are shown as "�" (one for one, so columns still match).
  const visible = text.slice(from, to).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '\uFFFD');
  return `${before}${after ? visible : visible.trimEnd()}${after}`;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}
