/** Excel-friendly CSV for pt-BR: ";" separator, CRLF lines, UTF-8 with BOM (prepended by the stream). */
export const csvSeparator = ';';
export const utf8Bom = '\uFEFF';

/**
 * One cell: quoted when it holds the separator, quotes or line breaks; text that a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(csvSeparator)}\r\n`;
}
