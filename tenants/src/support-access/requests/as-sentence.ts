/** Free text as one sentence: trimmed, ending in a full stop unless it already ends in . ! ? or …. */
export function asSentence(text: string): string {
  const trimmed = text.trim().replace(/\s+/gu, ' ');
  if (trimmed === '') return '';
  return /[.!?…]["'”’)]?$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}
