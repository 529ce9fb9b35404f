/**
 * Validates the fields of one clinic (a CSV row, later maybe a form):
 * name, base id, CNPJ, city and UF, with pt-BR messages.
 */

import { parseBaseId } from './base-id.ts';
import { isValidCnpj, normalizeCnpj } from './cnpj.ts';
import { shorten } from './text.ts';
import { normalizeUf, type UfCode } from './uf.ts';

export const CLINIC_NAME_MAX_LENGTH = 150;
export const CITY_MAX_LENGTH = 100;

export interface ClinicInput {
  name?: string;
  baseId?: string;
  cnpj?: string;
  city?: string;
  uf?: string;
}

export interface ClinicValue {
  name: string;
  baseId: number | null;
  /** 14 characters, no mask. */
  cnpj: string | null;
  city: string | null;
  uf: UfCode | null;
}

export interface ClinicCheck {
  /** Best reading of each field; invalid fields are null (name: ''). */
  value: ClinicValue;
  errors: string[];
}

/** Collapses spaces, tabs, line breaks and non-breaking spaces. */
export function cleanText(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function checkName(name: string, errors: string[]): void {
  const length = [...name].length;
  if (length === 0) errors.push('O nome da clínica é obrigatório.');
  else if (length > CLINIC_NAME_MAX_LENGTH) {
    errors.push(`O nome da clínica tem ${length} caracteres; o máximo é ${CLINIC_NAME_MAX_LENGTH}.`);
  }
}

function readBaseId(text: string, errors: string[]): number | null {
  if (text === '') return null;
  const parsed = parseBaseId(text);
  if (parsed.ok) return parsed.value;
  errors.push(parsed.message);
  return null;
}

function cnpjShapeError(text: string): string {
  const quoted = `“${shorten(text)}”`;
  if (/^[\d,.]+e\+\d+$/i.test(text)) {
    return `O CNPJ ${quoted} foi convertido pelo Excel em notação científica; formate a coluna do CNPJ como texto e digite-o de novo.`;
  }
  const digits = text.replace(/\D/g, '');
  if (/^[\d.\-/\s]+$/.test(text) && digits.length < 14) {
    return `O CNPJ ${quoted} tem ${digits.length} dígitos; deve ter 14. Se o arquivo passou pelo Excel, os zeros à esquerda podem ter sido removidos (formate a coluna como texto).`;
  }
  return `O CNPJ ${quoted} não é válido: deve ter 14 dígitos (ex.: 12.345.678/0001-95).`;
}

function readCnpj(text: string, errors: string[]): string | null {
  if (text === '') return null;
  const cnpj = normalizeCnpj(text);
  if (cnpj === null) errors.push(cnpjShapeError(text));
  else if (!isValidCnpj(cnpj)) errors.push(`O CNPJ “${text}” não é válido (os dígitos verificadores não conferem).`);
  else return cnpj;
  return null;
}

function readCity(text: string, errors: string[]): string | null {
  if (text === '') return null;
  const length = [...text].length;
  if (length <= CITY_MAX_LENGTH) return text;
  errors.push(`O nome da cidade tem ${length} caracteres; o máximo é ${CITY_MAX_LENGTH}.`);
  return null;
}

function readUf(text: string, errors: string[]): UfCode | null {
  if (text === '') return null;
  const uf = normalizeUf(text);
  if (uf === null) errors.push(`A UF “${shorten(text)}” não é válida; use a sigla do estado (ex.: SP, MG).`);
  return uf;
}

export function checkClinic(input: ClinicInput): ClinicCheck {
  const errors: string[] = [];
  const name = cleanText(input.name);
  checkName(name, errors);
  const value: ClinicValue = {
    name,
    baseId: readBaseId(cleanText(input.baseId), errors),
    cnpj: readCnpj(cleanText(input.cnpj), errors),
    city: readCity(cleanText(input.city), errors),
    uf: readUf(cleanText(input.uf), errors),
  };
  return { value, errors };
}
