/**
 * CSV (formula) injection guard: text a spreadsheet would run as a formula — starting with = + - @,
 * a tab or a carriage return, or their full-width forms (which Apple Numbers normalises) — gets a
 * leading apostrophe, so Excel and LibreOffice show it as text. A plain negative number written as
 * text ("-1", "-3,5", "-1.234,56") runs nothing and is left as it is, so it stays a number.
 * See https://owasp.org/www-community/attacks/CSV_Injection.
 */
const formulaStart = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const plainNegativeNumber = /^-\d+(?:[.,]\d+)*$/;

export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) && !plainNegativeNumber.test(text) ? `'${text}` : text;
}
