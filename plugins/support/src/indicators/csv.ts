/** CSV for spreadsheets used in Brazil: ';' separated, UTF-8 with BOM, CRLF, formula-safe cells. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  // A cell starting with = + - @ (or a tab/CR) would run as a formula in Excel/LibreOffice.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return `\ufeff${[header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** Hours with a decimal comma, e.g. 3,5. */
export const hoursPtBr = (ms: number | null): string => (ms === null ? '' : (Math.round(ms / 360_000) / 10).toLocaleString('pt-BR'));
