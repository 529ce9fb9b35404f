/**
 * A legacy table (header + rows of text, as the generator and the readers give them) as rows for the
 * loader: the source row column → text, and the values field → normalised text through the automatic
 * column mapping (dates to ISO, CPF to digits, sexo to M/F). For tests, the demo data and the bench —
 * the product's loads take the confirmed files' valid rows (version-source.ts).
 */
import { parseSexo } from '../prevalidation/checks/sexo.ts';
import { ENTITIES, type EntityKey, type FieldKind } from '../prevalidation/entities.ts';
import { autoMap } from '../prevalidation/mapping.ts';
import type { StagedInput } from './staged-input.ts';

export interface LegacyTable {
  entity: EntityKey;
  header: readonly string[];
  rows(): Iterable<readonly string[]>;
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(\d{1,2}):(\d{2}))?/;
const two = (n: string) => n.padStart(2, '0');

/** One value by its field's kind; text stays as it is (trimmed). */
export function normalise(kind: FieldKind, text: string): string {
  const value = text.trim();
  if (value === '') return '';
  switch (kind) {
    case 'data':
    case 'data_hora': {
      const m = DMY.exec(value);
      if (!m) return value;
      const day = `${m[3]}-${two(m[2]!)}-${two(m[1]!)}`;
      return kind === 'data_hora' && m[4] ? `${day}T${two(m[4])}:${m[5]}` : day;
    }
    case 'cpf':
      return value.replace(/\D/g, '');
    case 'sexo':
      return parseSexo(value) ?? value;
    default:
      return value;
  }
}

/** The rows of `table`, line 2 onwards (line 1 is the header), mapped and normalised. */
export function* tableRows(table: LegacyTable): Generator<StagedInput> {
  const mapping = autoMap(table.entity, table.header);
  const kinds = new Map(ENTITIES[table.entity].fields.map((f) => [f.key, f.kind]));
  const mapped = mapping.columns.map((c) => ({ index: c.index, field: c.field, kind: kinds.get(c.field) ?? 'texto' }));
  let line = 1;
  for (const cells of table.rows()) {
    line++;
    const source: Record<string, string> = {};
    table.header.forEach((column, i) => {
      source[column] = cells[i] ?? '';
    });
    const values: Record<string, unknown> = {};
    for (const m of mapped) {
      const v = normalise(m.kind as FieldKind, cells[m.index] ?? '');
      if (v !== '') values[m.field] = v;
    }
    yield { line, source, values };
  }
}
