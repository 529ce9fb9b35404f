/** "Did you mean" for misspelt keys: closest allowed key by Damerau–Levenshtein distance. */

export function suggestKey(unknownKey: string, allowedKeys: readonly string[]): string | undefined {
  const typed = simplify(unknownKey);
  let best: { key: string; distance: number } | undefined;
  for (const key of allowedKeys) {
    const distance = editDistance(typed, simplify(key));
    const tolerance = Math.max(1, Math.min(3, Math.floor(key.length / 3)));
    if (distance <= tolerance && (best === undefined || distance < best.distance)) best = { key, distance };
  }
  return best?.key;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const left = Array.from(a);
  const right = Array.from(b);
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      let distance = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && left[i - 1] === right[j - 2] && left[i - 2] === right[j - 1]) {
        distance = Math.min(distance, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(distance);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[right.length] ?? 0;
}

/** Accents, case and word separators do not count as typos: "Descrição" ≈ "descricao". */
function simplify(key: string): string {
  return key
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');
}
