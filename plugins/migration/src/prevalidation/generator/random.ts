/** A small seeded PRNG (mulberry32) so generated exports are the same for the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

/** `count` distinct integers in [from, to), in increasing order. */
export function distinctPositions(random: () => number, count: number, from: number, to: number): number[] {
  if (count > to - from) throw new Error(`cannot place ${count} defects in ${to - from} rows`);
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(from + Math.floor(random() * (to - from)));
  return [...chosen].sort((a, b) => a - b);
}
