/**
 * Matches the header row of a clinic CSV to clinic fields, ignoring case,
 * accents, "_"/"-"/"." and notes such as "(opcional)" or "*". When several
 * columns fit one field ("Nome fantasia" and "Razão social"), the alias
 * listed first wins and the others are ignored.
 */

import { foldKey } from './text.ts';

export type ClinicField = 'name' | 'baseId' | 'cnpj' | 'city' | 'uf';

interface FieldSpec {
  /** How the field is called in messages. */
  label: string;
  /** Accepted header names, as shown to people, in order of preference. */
  aliases: readonly string[];
  required: boolean;
}

export const CLINIC_COLUMNS: Readonly<Record<ClinicField, FieldSpec>> = {
  name: {
    label: 'nome',
    aliases: ['nome', 'nome da clínica', 'nome clínica', 'clínica', 'nome fantasia', 'nome da base', 'razão social'],
    required: true,
  },
  baseId: {
    label: 'id da base',
    aliases: ['id da base', 'id base', 'id', 'base', 'código da base', 'cód. da base', 'id da clínica'],
    required: false,
  },
  cnpj: { label: 'CNPJ', aliases: ['cnpj', 'cnpj da clínica'], required: false },
  city: { label: 'cidade', aliases: ['cidade', 'município'], required: false },
  uf: { label: 'UF', aliases: ['uf', 'estado', 'sigla uf'], required: false },
};

export interface Column {
  /** 0-based position in the row. */
  index: number;
  /** Header as written in the file, trimmed. */
  header: string;
  field: ClinicField | null;
}

export type ColumnMapping =
  | { ok: true; columns: Column[]; fieldIndex: Partial<Record<ClinicField, number>>; ignored: string[] }
  | { ok: false; errors: string[] };

/** "Nome da Clínica (obrigatório)*" → "nome da clinica". */
export function headerKey(header: string): string {
  return foldKey(
    header
      .replace(/\([^()]*\)/g, ' ')
      .replace(/[_\-.:*?]+/g, ' '),
  );
}

interface Alias {
  field: ClinicField;
  rank: number;
}

const ALIAS_BY_KEY: ReadonlyMap<string, Alias> = new Map(
  (Object.entries(CLINIC_COLUMNS) as Array<[ClinicField, FieldSpec]>).flatMap(([field, spec]) =>
    spec.aliases.map((alias, rank) => [headerKey(alias), { field, rank }] as const),
  ),
);

/** 0 → "A", 25 → "Z", 26 → "AA": the column letter shown by spreadsheets. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function quoteList(values: readonly string[]): string {
  return values.map((value) => `“${value}”`).join(', ');
}

function checkRequired(fieldIndex: Partial<Record<ClinicField, number>>, errors: string[]): void {
  for (const [field, spec] of Object.entries(CLINIC_COLUMNS) as Array<[ClinicField, FieldSpec]>) {
    if (spec.required && fieldIndex[field] === undefined) {
      errors.push(
        `Falta a coluna obrigatória “${spec.label}” no cabeçalho (a primeira linha do arquivo). Nomes aceitos: ${quoteList(spec.aliases)}.`,
      );
    }
  }
}

export function mapClinicColumns(header: readonly string[]): ColumnMapping {
  const errors: string[] = [];
  const columns: Column[] = [];
  const seen = new Map<string, number>();
  const best: Partial<Record<ClinicField, { index: number; rank: number }>> = {};
  header.forEach((raw, index) => {
    const text = raw.trim();
    const key = headerKey(text);
    if (key === '') return;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push(
        `A coluna “${text}” aparece mais de uma vez no cabeçalho (colunas ${columnLetter(first)} e ${columnLetter(index)}); deixe só uma.`,
      );
      return;
    }
    seen.set(key, index);
    columns.push({ index, header: text, field: null });
    const alias = ALIAS_BY_KEY.get(key);
    const current = alias && best[alias.field];
    if (alias && (current === undefined || alias.rank < current.rank)) best[alias.field] = { index, rank: alias.rank };
  });
  const fieldIndex: Partial<Record<ClinicField, number>> = {};
  for (const [field, choice] of Object.entries(best) as Array<[ClinicField, { index: number }]>) {
    fieldIndex[field] = choice.index;
    const column = columns.find((candidate) => candidate.index === choice.index);
    if (column) column.field = field;
  }
  checkRequired(fieldIndex, errors);
  if (errors.length > 0) return { ok: false, errors };
  const ignored = columns.filter((column) => column.field === null).map((column) => column.header);
  return { ok: true, columns, fieldIndex, ignored };
}
