/** [1004, 1005, 1006, 1200] → "1004–1006, 1200": a compact list of created base ids for the audit log. */
export function idRanges(ids: readonly number[]): string {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const parts: string[] = [];
  let start = sorted[0];
  let previous = start;
  for (const id of sorted.slice(1)) {
    if (previous !== undefined && id === previous + 1) {
      previous = id;
      continue;
    }
    if (start !== undefined) parts.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = id;
    previous = id;
  }
  if (start !== undefined) parts.push(start === previous ? `${start}` : `${start}–${previous}`);
  return parts.join(', ');
}
