/**
 * Reads the "Nova base" / "Editar base" form: each field validated with the same rules (and pt-BR
 * messages) as a CSV row, but with the message kept next to its own field.
 */
import { type ClinicValue, checkClinic } from '../parsing/index.ts';

export type ClinicFormField = 'name' | 'baseId' | 'cnpj' | 'city' | 'uf';

export interface ClinicFormInput {
  name?: string | undefined;
  baseId?: string | undefined;
  cnpj?: string | undefined;
  city?: string | undefined;
  uf?: string | undefined;
}

export type ClinicFormErrors = Partial<Record<ClinicFormField | 'singular' | 'form', string>>;

export interface ClinicFormResult {
  value: ClinicValue;
  errors: ClinicFormErrors;
}

const PLACEHOLDER_NAME = 'x';

/** Validates one field alone (the other fields left empty, which is always valid for them). */
function errorOf(field: ClinicFormField, text: string | undefined): string | undefined {
  const input = field === 'name' ? { name: text } : { name: PLACEHOLDER_NAME, [field]: text };
  return checkClinic(input).errors[0];
}

export function readClinicForm(input: ClinicFormInput): ClinicFormResult {
  const { value } = checkClinic(input);
  const errors: ClinicFormErrors = {};
  for (const field of ['name', 'baseId', 'cnpj', 'city', 'uf'] as const) {
    const error = errorOf(field, input[field]);
    if (error) errors[field] = error;
  }
  return { value, errors };
}

/** True when the person typed something in the base id field (else the next free id is generated). */
export function wantsGeneratedId(input: ClinicFormInput): boolean {
  return (input.baseId ?? '').trim() === '';
}

export function hasErrors(errors: ClinicFormErrors): boolean {
  return Object.values(errors).some((e) => e !== undefined);
}
