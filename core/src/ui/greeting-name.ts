/** Titles and honorifics that come before a name and are not a first name ("Dr. Ana" → "Ana"). */
const titles = new Set([
  'dr', 'dra', 'dr.a', 'sr', 'sra', 'srta', 'prof', 'profa', 'prof.a', 'enf', 'enfa', 'eng', 'enga', 'mestre',
  'dom', 'dona', 'doutor', 'doutora', 'senhor', 'senhora', 'professor', 'professora',
]);

const isTitle = (word: string): boolean => titles.has(word.toLocaleLowerCase('pt-BR').replace(/[.ºª]+$/u, '').replace(/º|ª/gu, ''));

/** The name to greet someone by: the first word of the name that is not a title; the whole name if every word is one. */
export function greetingName(fullName: string): string {
  const words = fullName.trim().split(/\s+/u).filter(Boolean);
  return words.find((w) => !isTitle(w)) ?? fullName.trim();
}
