/** Sex as legacy systems write it: M, F, masculino, feminino, masc, fem — any case, accents ignored. */
const KNOWN = new Map([
  ['m', 'M'], ['masc', 'M'], ['masculino', 'M'],
  ['f', 'F'], ['fem', 'F'], ['feminino', 'F'],
]);

/** 'M' or 'F', or null for an unknown value. */
export function parseSexo(value: string): 'M' | 'F' | null {
  const v = value.trim().toLowerCase().replace(/\.$/, '');
  return (KNOWN.get(v) as 'M' | 'F' | undefined) ?? null;
}
