/**
 * Brazilian phone numbers: area code (DDD) from the national list, then 8 digits (landline) or 9 digits
 * starting with 9 (mobile); punctuation, a +55 or 0 prefix allowed. Several numbers in one cell may be
 * separated by "/", "," or ";" — each must be valid.
 */

const DDDS = new Set([
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55,
  61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
]);

export const isValidDdd = (ddd: number) => DDDS.has(ddd);

function validOne(value: string): boolean {
  if (!/^[\d\s()+.\-]+$/.test(value)) return false;
  let d = value.replace(/\D/g, '');
  if (d.length === 13 && d.startsWith('55')) d = d.slice(2);
  else if (d.length === 12 && d.startsWith('55') && !d.startsWith('0')) d = d.slice(2);
  if ((d.length === 11 || d.length === 12) && d.startsWith('0')) d = d.slice(1);
  if (d.length !== 10 && d.length !== 11) return false;
  if (!DDDS.has(Number(d.slice(0, 2)))) return false;
  const first = d.charCodeAt(2) - 48;
  return d.length === 11 ? first === 9 : first >= 2;
}

export function validPhone(value: string): boolean {
  const parts = value.split(/[/,;]/).map((p) => p.trim()).filter(Boolean);
  return parts.length > 0 && parts.every(validOne);
}
