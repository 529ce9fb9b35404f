/** Validates the singular form: code ("id reseller", digits) and name, with pt-BR messages per field. */
export const RESELLER_CODE_MAX_DIGITS = 10;
export const RESELLER_NAME_MAX_LENGTH = 120;

export interface ResellerFormInput {
  code?: string | undefined;
  name?: string | undefined;
}

export type ResellerFormErrors = Partial<Record<'code' | 'name', string>>;

export interface ResellerFormResult {
  value: { code: string; name: string };
  errors: ResellerFormErrors;
}

const clean = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

export function checkResellerName(input: string | undefined): { name: string; error?: string } {
  const name = clean(input);
  const length = [...name].length;
  if (length === 0) return { name, error: 'O nome da singular é obrigatório.' };
  if (length > RESELLER_NAME_MAX_LENGTH) {
    return { name, error: `O nome tem ${length} caracteres; o máximo é ${RESELLER_NAME_MAX_LENGTH}.` };
  }
  return { name };
}

/** The code is kept exactly as typed (leading zeros matter: "0101" ≠ "101"). */
export function checkResellerCode(input: string | undefined): { code: string; error?: string } {
  const code = clean(input);
  if (code === '') return { code, error: 'O id reseller é obrigatório.' };
  if (!/^\d+$/.test(code)) return { code, error: `O id reseller “${code}” não é válido: use apenas números.` };
  if (code.length > RESELLER_CODE_MAX_DIGITS) {
    return { code, error: `O id reseller tem ${code.length} dígitos; o máximo é ${RESELLER_CODE_MAX_DIGITS}.` };
  }
  return { code };
}

export function readResellerForm(input: ResellerFormInput): ResellerFormResult {
  const code = checkResellerCode(input.code);
  const name = checkResellerName(input.name);
  const errors: ResellerFormErrors = {};
  if (code.error) errors.code = code.error;
  if (name.error) errors.name = name.error;
  return { value: { code: code.code, name: name.name }, errors };
}
