/**
 * Picks the e-mail address out of a typed value: "fulano@clinica.com.br",
 * "e-mail: <Fulano@Clinica.com.br>", "Ana Souza (ana@x.com.br)",
 * "mailto:ana@x.com.br", "*ana@x.com.br*".
 */

import { EMAIL_MAX_LENGTH, normalizeEmail } from './email.ts';
import { shorten } from './text.ts';

export type EmailInText =
  | { kind: 'none' }
  | { kind: 'one'; email: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'many'; emails: string[] };

const TOKEN_SEPARATORS = /[\s,;<>()[\]"“”«»]+/;
const MARKUP = "*_~'‘’`";

function isMarkup(char: string | undefined): boolean {
  return char !== undefined && MARKUP.includes(char);
}

function cleanCandidate(token: string): string {
  // Longer than any address: left as is, to be refused (and keeps this linear).
  if (token.length > EMAIL_MAX_LENGTH + 16) return token;
  let candidate = token.replace(/^mailto:/i, '');
  // A domain always ends in a letter or digit: anything after it is punctuation.
  candidate = candidate.replace(/[^\p{L}\p{N}]+$/u, '');
  // "*ana@x.com*", "'ana@x.com'": markup around the address, on both sides.
  if (isMarkup(candidate[0]) && isMarkup(token[token.length - 1])) {
    candidate = candidate.replace(/^[*_~'‘’`]+/, '');
  }
  return candidate;
}

export function findEmail(value: string): EmailInText {
  const candidates = value
    .split(TOKEN_SEPARATORS)
    .filter((token) => token.includes('@'))
    .map(cleanCandidate);
  if (candidates.length === 0) return { kind: 'none' };
  const emails: string[] = [];
  for (const candidate of candidates) {
    const email = normalizeEmail(candidate);
    if (email === null) return { kind: 'invalid', text: shorten(candidate) };
    if (!emails.includes(email)) emails.push(email);
  }
  const [only] = emails;
  if (emails.length === 1 && only !== undefined) return { kind: 'one', email: only };
  return { kind: 'many', emails };
}
