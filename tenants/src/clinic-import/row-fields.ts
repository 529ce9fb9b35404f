/**
 * What the preview shows in its Nome / Id / CNPJ / Cidade / UF columns: the normalized value for a
 * row that will be created, else the text as written in the file (found through the same header
 * mapping the parser used).
 */
import { type ClinicField, mapClinicColumns } from '../parsing/clinic-csv-columns.ts';
import { formatCnpj } from '../parsing/index.ts';
import type { PlannedRow } from './import-plan.ts';

export type ShownFields = Record<ClinicField, string>;

/** Header (as written) of each clinic field, from the headers of the rows. */
export function headerOfFields(headers: readonly string[]): Partial<Record<ClinicField, string>> {
  const mapping = mapClinicColumns(headers);
  if (!mapping.ok) return {};
  const result: Partial<Record<ClinicField, string>> = {};
  for (const [field, index] of Object.entries(mapping.fieldIndex) as Array<[ClinicField, number]>) {
    const header = headers[index];
    if (header !== undefined) result[field] = header;
  }
  return result;
}

export function shownFields(row: PlannedRow, headers: Partial<Record<ClinicField, string>>): ShownFields {
  if (row.value) {
    return {
      name: row.value.name,
      baseId: row.value.baseId === null ? '' : String(row.value.baseId),
      cnpj: row.value.cnpj === null ? '' : formatCnpj(row.value.cnpj),
      city: row.value.city ?? '',
      uf: row.value.uf ?? '',
    };
  }
  const raw = (field: ClinicField) => {
    const header = headers[field];
    return header === undefined ? '' : (row.input[header] ?? '').trim();
  };
  return { name: raw('name'), baseId: raw('baseId'), cnpj: raw('cnpj'), city: raw('city'), uf: raw('uf') };
}
