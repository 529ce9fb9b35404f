/** How a staged value is shown: ISO dates as dd/mm/aaaa, CPF digits with their dots, long text cut. */
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/;

export const LONG_TEXT = 400;

export function shownValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  let m = isoDate.exec(text);
  if (m) return `${m[3]}/${m[2]}/${m[1]}`;
  m = isoDateTime.exec(text);
  if (m) return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
  if (field === 'cpf' && /^\d{11}$/.test(text)) return `${text.slice(0, 3)}.${text.slice(3, 6)}.${text.slice(6, 9)}-${text.slice(9)}`;
  return text.length > LONG_TEXT ? `${text.slice(0, LONG_TEXT)}…` : text;
}
