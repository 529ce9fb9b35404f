/**
 * Turns one search word into a POSIX regular expression that ignores case and accents with explicit
 * character classes ("clinica" → "[cCçÇ][lL][iIíÍìÌîÎïÏ]…"), so "clinica", "CLÍNICA" and "Clínica"
 * all match the same names whatever the database collation or locale. Every other character is
 * escaped: user text never becomes regex syntax.
 */

const FAMILIES: Record<string, string> = {
  a: 'aáàâãäAÁÀÂÃÄ',
  e: 'eéèêëEÉÈÊË',
  i: 'iíìîïIÍÌÎÏ',
  o: 'oóòôõöOÓÒÔÕÖ',
  u: 'uúùûüUÚÙÛÜ',
  c: 'cçCÇ',
  n: 'nñNÑ',
};

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/;

/** Removes accents and lower-cases ("Clínica" → "clinica"). */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function classFor(char: string): string {
  const family = FAMILIES[char];
  if (family) return `[${family}]`;
  const upper = char.toUpperCase();
  if (upper !== char) return `[${char}${upper}]`;
  return REGEX_SPECIAL.test(char) ? `\\${char}` : char;
}

/** The regular expression (for Postgres `~`) that finds `word` anywhere in a name. */
export function accentInsensitivePattern(word: string): string {
  return [...foldWord(word)].map(classFor).join('');
}
