/**
 * How many bases each seeded singular gets: a long tail like the real network (a few singulares with
 * thousands of bases, most with a few hundred), never more than 20,000 each, summing exactly.
 */
export const MAX_CLINICS_PER_RESELLER = 20_000;

export function clinicsPerReseller(resellers: number, clinics: number, exponent = 1): number[] {
  const weights = Array.from({ length: resellers }, (_, i) => 1 / (i + 1) ** exponent);
  const counts = new Array<number>(resellers).fill(0);
  const capped = new Set<number>();
  let left = clinics;
  while (left > 0) {
    const open = weights.map((w, i) => (capped.has(i) ? 0 : w));
    const total = open.reduce((a, b) => a + b, 0);
    if (total === 0) break;
    let given = 0;
    open.forEach((w, i) => {
      if (w === 0) return;
      const share = Math.min(Math.floor((left * w) / total), MAX_CLINICS_PER_RESELLER - (counts[i] ?? 0));
      counts[i] = (counts[i] ?? 0) + share;
      given += share;
      if (counts[i] === MAX_CLINICS_PER_RESELLER) capped.add(i);
    });
    left -= given;
    if (given === 0) {
      for (let i = 0; i < resellers && left > 0; i += 1) {
        if ((counts[i] ?? 0) < MAX_CLINICS_PER_RESELLER) {
          counts[i] = (counts[i] ?? 0) + 1;
          left -= 1;
        }
      }
    }
  }
  return counts;
}
