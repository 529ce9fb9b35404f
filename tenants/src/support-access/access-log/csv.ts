/** CSV for Brazilian spreadsheets: `;` separator, UTF-8 with BOM, CRLF line ends. */
export const csvBom = '\uFEFF';

/** Quotes when needed; a leading = + - @ (or tab/CR) is neutralised so a spreadsheet never runs it. */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}
