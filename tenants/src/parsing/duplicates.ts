/** Finds values that occur on more than one line of an upload. */

import { formatInteger } from './text.ts';

export interface Keyed<K> {
  line: number;
  key: K | null;
}

/**
 * For each item whose key also occurs on another item, the lines of all
 * occurrences (in order). Items with a null key are never duplicates.
 */
export function duplicateLines<K>(items: ReadonlyArray<Keyed<K>>): Map<number, number[]> {
  const linesByKey = new Map<K, number[]>();
  for (const { line, key } of items) {
    if (key === null) continue;
    const lines = linesByKey.get(key);
    if (lines) lines.push(line);
    else linesByKey.set(key, [line]);
  }
  const result = new Map<number, number[]>();
  items.forEach(({ key }, index) => {
    const lines = key === null ? undefined : linesByKey.get(key);
    if (lines && lines.length > 1) result.set(index, lines);
  });
  return result;
}

/**
 * [3, 7] → "3 e 7"; [3, 7, 9] → "3, 7 e 9"; past `max` lines, the rest is
 * counted: "2, 3, 4, 5, 6 e outras 995".
 */
export function joinLines(lines: readonly number[], max = 5): string {
  if (lines.length > max) {
    return `${lines.slice(0, max).join(', ')} e outras ${formatInteger(lines.length - max)}`;
  }
  if (lines.length <= 1) return lines.join('');
  return `${lines.slice(0, -1).join(', ')} e ${lines[lines.length - 1]}`;
}
