/** The 27 Brazilian federative units (26 states + Distrito Federal). */

import { foldKey } from './text.ts';

export const UFS = [
  { code: 'AC', name: 'Acre' },
  { code: 'AL', name: 'Alagoas' },
  { code: 'AP', name: 'Amapá' },
  { code: 'AM', name: 'Amazonas' },
  { code: 'BA', name: 'Bahia' },
  { code: 'CE', name: 'Ceará' },
  { code: 'DF', name: 'Distrito Federal' },
  { code: 'ES', name: 'Espírito Santo' },
  { code: 'GO', name: 'Goiás' },
  { code: 'MA', name: 'Maranhão' },
  { code: 'MT', name: 'Mato Grosso' },
  { code: 'MS', name: 'Mato Grosso do Sul' },
  { code: 'MG', name: 'Minas Gerais' },
  { code: 'PA', name: 'Pará' },
  { code: 'PB', name: 'Paraíba' },
  { code: 'PR', name: 'Paraná' },
  { code: 'PE', name: 'Pernambuco' },
  { code: 'PI', name: 'Piauí' },
  { code: 'RJ', name: 'Rio de Janeiro' },
  { code: 'RN', name: 'Rio Grande do Norte' },
  { code: 'RS', name: 'Rio Grande do Sul' },
  { code: 'RO', name: 'Rondônia' },
  { code: 'RR', name: 'Roraima' },
  { code: 'SC', name: 'Santa Catarina' },
  { code: 'SP', name: 'São Paulo' },
  { code: 'SE', name: 'Sergipe' },
  { code: 'TO', name: 'Tocantins' },
] as const;

export type UfCode = (typeof UFS)[number]['code'];

const CODES: ReadonlySet<string> = new Set(UFS.map((uf) => uf.code));
const BY_FOLDED_NAME: ReadonlyMap<string, UfCode> = new Map(
  UFS.map((uf) => [foldKey(uf.name), uf.code]),
);

/** Exact check: an upper-case two-letter code such as "SP". */
export function isUf(code: string): code is UfCode {
  return CODES.has(code);
}

/**
 * Tolerant lookup for user input: "sp", " SP ", "São Paulo", "sao paulo"
 * → "SP". Returns null when nothing matches.
 */
export function normalizeUf(input: string): UfCode | null {
  const code = input.trim().toUpperCase();
  if (isUf(code)) return code;
  return BY_FOLDED_NAME.get(foldKey(input)) ?? null;
}

/** "SP" → "São Paulo"; null for an unknown code. */
export function ufName(code: string): string | null {
  return UFS.find((uf) => uf.code === code)?.name ?? null;
}
