import { BulkLoadError } from './bulk-load-error.ts';

/**
 * One JavaScript value as the text PostgreSQL parses for a column (its input syntax), or null for
 * SQL NULL. `null`/`undefined` → NULL, `''` stays an empty string (a string is the column's input text
 * as is: for json/jsonb it must be JSON text); booleans `true`/`false` (boolean and jsonb columns); finite numbers and
 * bigints as digits, NaN/±Infinity in PostgreSQL's spelling (float and numeric columns take them);
 * Dates in ISO 8601 (UTC); bytes (Uint8Array, Buffer) as `\x…` hex for bytea; plain objects and arrays
 * as JSON (json/jsonb columns). Text with a NUL character is refused: PostgreSQL cannot store it.
 */
export function columnText(value: unknown, at: { row: number; column: string }): string | null {
  switch (typeof value) {
    case 'undefined':
      return null;
    case 'string':
      if (value.includes('\u0000')) throw nulError(at);
      return value;
    case 'number':
      if (Number.isFinite(value)) return String(value);
      return Number.isNaN(value) ? 'NaN' : value > 0 ? 'Infinity' : '-Infinity';
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new BulkLoadError(`Linha ${at.row}, coluna "${at.column}": data inválida.`, { row: at.row });
        return value.toISOString();
      }
      if (value instanceof Uint8Array) return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
      return JSON.stringify(value, (_key, inner: unknown) => {
        if (typeof inner === 'string' && inner.includes('\u0000')) throw nulError(at);
        if (typeof inner === 'bigint') return inner.toString();
        return inner;
      });
    }
    default:
      throw new BulkLoadError(`Linha ${at.row}, coluna "${at.column}": valor do tipo ${typeof value} não pode ser gravado.`, { row: at.row });
  }
}

function nulError(at: { row: number; column: string }): BulkLoadError {
  return new BulkLoadError(
    `Linha ${at.row}, coluna "${at.column}": o texto contém o caractere NUL (\\0), que o PostgreSQL não aceita. Remova-o e carregue de novo.`,
    { row: at.row },
  );
}

const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/**
 * One row as a line of COPY's text format: columns separated by tabs, `\N` for NULL, and backslash,
 * tab, newline and carriage return escaped (so an empty string and NULL stay distinct).
 */
export function copyTextLine(values: unknown, columns: readonly string[], row: number): string {
  assertRowLength(values, columns, row);
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const text = columnText(values[i], { row, column: columns[i]! });
    if (i > 0) line += '\t';
    line += text === null ? '\\N' : text.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]!);
  }
  return `${line}\n`;
}

/** Checks a row's length (the array-parameter path, which has no line to build). */
export function assertRowLength(values: unknown, columns: readonly string[], row: number): asserts values is unknown[] {
  if (!Array.isArray(values) || values.length !== columns.length) {
    throw new BulkLoadError(`Linha ${row}: esperava ${columns.length} valores (${columns.join(', ')}), recebeu ${Array.isArray(values) ? values.length : 'algo que não é uma lista'}.`, {
      row,
    });
  }
}
