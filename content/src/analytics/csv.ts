/** One CSV field: quoted when needed; a leading = + - @ is neutralised (spreadsheet formula injection). */
export function csvField(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A CSV for Brazilian spreadsheets: `;` separator (the decimal comma is taken), CRLF line ends and a
 * UTF-8 BOM so Excel reads accents correctly.
 */
export function toCsv(header: string[], rows: (string | number)[][]): string {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
