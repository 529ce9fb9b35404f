/**
 * The mirror test's side-by-side view of one sampled record: each field of the entity, the legacy
 * column it came from and its raw text, the staged (normalised) value, and whether they differ. A
 * difference is judged after the normalisations the load is allowed to make (dates written either way,
 * CPF and phone digits, sexo and situação spellings, surrounding blanks); anything else — a lost accent,
 * a cut text, a shifted date — is highlighted.
 */
import { ENTITIES, type EntityKey, type FieldKind } from '../prevalidation/entities.ts';
import { autoMap } from '../prevalidation/mapping.ts';
import { parseSexo } from '../prevalidation/checks/sexo.ts';
import { parseSituacao } from '../prevalidation/checks/situacao.ts';

export interface FieldComparison {
  field: string;
  label: string;
  column: string | null;
  raw: string;
  staged: string;
  differs: boolean;
}

const DMY = /^(\d{2})\/(\d{2})\/(\d{4})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const YMD = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function canonicalDate(text: string, withTime: boolean): string {
  const m = DMY.exec(text);
  const parts = m ? [m[3], m[2], m[1], m[4], m[5]] : (YMD.exec(text)?.slice(1, 6) ?? null);
  if (!parts) return text;
  const [y, mo, d, h, mi] = parts;
  const day = `${y}-${mo}-${d}`;
  if (!withTime || !h || (h === '00' && mi === '00' && !withTime)) return day;
  return `${day} ${h}:${mi}`;
}

/** A value as the comparison sees it. */
export function canonical(value: unknown, kind: FieldKind | null): string {
  if (value === null || value === undefined) return '';
  const text = (typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value)).trim().replace(/\s+/g, ' ');
  if (text === '') return '';
  switch (kind) {
    case 'data':
      return canonicalDate(text, false);
    case 'data_hora':
      return canonicalDate(text, true);
    case 'cpf':
    case 'telefone':
      return text.replace(/\D/g, '');
    case 'sexo':
      return parseSexo(text) ?? text;
    case 'situacao':
      return parseSituacao(text) ?? text;
    default:
      return text;
  }
}

const shown = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** Field by field: the entity's fields in catalogue order, then staged keys the catalogue does not know. */
export function compareRecord(entity: EntityKey, source: Record<string, string>, data: Record<string, unknown>): FieldComparison[] {
  const mapping = autoMap(entity, Object.keys(source));
  const columnOf = new Map(mapping.columns.map((c) => [c.field, c.column]));
  const out: FieldComparison[] = [];
  for (const f of ENTITIES[entity].fields) {
    const column = columnOf.get(f.key) ?? null;
    const raw = column !== null ? (source[column] ?? '') : '';
    const staged = data[f.key];
    if (column === null && (staged === undefined || staged === null)) continue;
    out.push({ field: f.key, label: f.label, column, raw, staged: shown(staged), differs: canonical(raw, f.kind) !== canonical(staged, f.kind) });
  }
  for (const [key, value] of Object.entries(data)) {
    if (ENTITIES[entity].fields.some((f) => f.key === key)) continue;
    out.push({ field: key, label: key, column: null, raw: '', staged: shown(value), differs: shown(value).trim() !== '' });
  }
  return out;
}
