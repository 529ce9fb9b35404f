/**
 * A base id typed as a prefix ("100" finds 100, 1000–1009, 10000–10099 …) as a short list of closed
 * id ranges, one per possible length up to `maxDigits`. Each range is a plain `id between lo and hi`
 * on the id index, so the prefix match stays index-friendly (no cast of the id to text). The same
 * ranges can be built in SQL — `p * 10^k .. (p + 1) * 10^k - 1` for k = 0 … maxDigits - digits(p) —
 * should the search move into a database function.
 */
export type IdRange = readonly [low: number, high: number];

export function idPrefixRanges(prefix: number, maxDigits: number): IdRange[] {
  if (!Number.isSafeInteger(prefix) || prefix <= 0) return [];
  const digits = String(prefix).length;
  const ranges: IdRange[] = [];
  for (let k = 0, scale = 1; digits + k <= maxDigits; k++, scale *= 10) ranges.push([prefix * scale, (prefix + 1) * scale - 1]);
  return ranges;
}
