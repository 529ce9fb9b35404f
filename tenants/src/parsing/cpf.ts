/** CPF (Cadastro de Pessoas Físicas): 11 digits, the last 2 are check digits. */

const CPF_SHAPE = /^[0-9]{11}$/;
const ALLOWED_INPUT = /^[0-9.\-\s]+$/;

/**
 * Strips the mask ("529.982.247-25" → "52998224725") and checks the shape
 * (not the check digits). Returns null when the input is not CPF-shaped.
 */
export function normalizeCpf(input: string): string | null {
  const trimmed = input.trim();
  if (!ALLOWED_INPUT.test(trimmed)) return null;
  const digits = trimmed.replace(/[.\-\s]/g, '');
  return CPF_SHAPE.test(digits) ? digits : null;
}

function checkDigit(body: string): number {
  const firstWeight = body.length + 1;
  let sum = 0;
  for (let i = 0; i < body.length; i += 1) {
    sum += Number(body[i]) * (firstWeight - i);
  }
  return ((sum * 10) % 11) % 10;
}

/** True when `cpf` is 11 digits with correct check digits. */
export function isValidCpf(cpf: string): boolean {
  if (!CPF_SHAPE.test(cpf)) return false;
  if (/^(\d)\1{10}$/.test(cpf)) return false;
  const first = checkDigit(cpf.slice(0, 9));
  const second = checkDigit(`${cpf.slice(0, 9)}${first}`);
  return cpf.slice(9) === `${first}${second}`;
}

/**
 * "52998224725" → "529.982.247-25". Accepts already formatted input;
 * returns the input unchanged when it is not CPF-shaped.
 */
export function formatCpf(cpf: string): string {
  const digits = normalizeCpf(cpf);
  if (digits === null) return cpf;
  return `${digits.slice(0, 3)}.${digits.slice(3, 6)}.${digits.slice(6, 9)}-${digits.slice(9)}`;
}
