/**
 * CNPJ (Cadastro Nacional da Pessoa Jurídica).
 *
 * Besides the classic 14-digit number, accepts the alphanumeric CNPJ issued
 * since July 2026 (IN RFB 2.229/2024): the first 12 characters may be
 * 0-9 or A-Z, the last 2 are always digits. The check-digit rule is the same
 * mod-11 with each character worth (ASCII code - 48), so numeric CNPJs
 * validate exactly as before.
 */

const CNPJ_SHAPE = /^[0-9A-Z]{12}[0-9]{2}$/;
const ALLOWED_INPUT = /^[0-9A-Za-z.\-/\s]+$/;
const FIRST_WEIGHTS = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const SECOND_WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * Strips the mask ("12.345.678/0001-95" → "12345678000195"), upper-cases
 * letters and checks the shape (not the check digits). Returns null when the
 * input is not a CNPJ-shaped value.
 */
export function normalizeCnpj(input: string): string | null {
  const trimmed = input.trim();
  if (!ALLOWED_INPUT.test(trimmed)) return null;
  const compact = trimmed.replace(/[.\-/\s]/g, '').toUpperCase();
  return CNPJ_SHAPE.test(compact) ? compact : null;
}

function checkDigit(body: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) {
    sum += (body.charCodeAt(i) - 48) * (weights[i] ?? 0);
  }
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/** True when `cnpj` is 14 normalized characters with correct check digits. */
export function isValidCnpj(cnpj: string): boolean {
  if (!CNPJ_SHAPE.test(cnpj)) return false;
  if (/^(.)\1{13}$/.test(cnpj)) return false;
  const first = checkDigit(cnpj, FIRST_WEIGHTS);
  const second = checkDigit(`${cnpj.slice(0, 12)}${first}`, SECOND_WEIGHTS);
  return cnpj.slice(12) === `${first}${second}`;
}

/**
 * "12345678000195" → "12.345.678/0001-95". Accepts already formatted input;
 * returns the input unchanged when it is not CNPJ-shaped.
 */
export function formatCnpj(cnpj: string): string {
  const normalized = normalizeCnpj(cnpj);
  if (normalized === null) return cnpj;
  return `${normalized.slice(0, 2)}.${normalized.slice(2, 5)}.${normalized.slice(5, 8)}/${normalized.slice(8, 12)}-${normalized.slice(12)}`;
}
