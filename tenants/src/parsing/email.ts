/**
 * Pragmatic e-mail check for login addresses: dot-atom local part, DNS host
 * name with a top-level domain. Quoted local parts, IP literals and
 * non-ASCII (internationalized) addresses are refused.
 */

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export const EMAIL_MAX_LENGTH = 254;

/** True for a lower-case, trimmed address such as "fulano@clinica.com.br". */
export function isValidEmail(email: string): boolean {
  if (email.length > EMAIL_MAX_LENGTH) return false;
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const labels = email.slice(at + 1).split('.');
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return false;
  return TOP_LEVEL.test(labels[labels.length - 1] ?? '');
}

/** Trims and lower-cases; returns null when the result is not a valid e-mail. */
export function normalizeEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  return isValidEmail(email) ? email : null;
}
