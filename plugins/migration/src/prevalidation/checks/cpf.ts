/** CPF: 11 digits (dots, dash and spaces allowed around them), check digits right, not all the same digit. */

/** The CPF's 11 digits as a number (a compact key for the duplicate set), or null when it is not a valid CPF. */
export function cpfKey(value: string): number | null {
  let digits = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += value[i];
    else if (c !== 46 && c !== 45 && c !== 32 && c !== 47) return null;
  }
  return validCpfDigits(digits) ? Number(digits) : null;
}

/** True for 11 digits with both check digits right and not all equal. */
export function validCpfDigits(digits: string): boolean {
  if (digits.length !== 11) return false;
  let same = true;
  for (let i = 1; i < 11; i++) if (digits.charCodeAt(i) !== digits.charCodeAt(0)) same = false;
  if (same) return false;
  for (const n of [9, 10]) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (digits.charCodeAt(i) - 48) * (n + 1 - i);
    const check = ((sum * 10) % 11) % 10;
    if (check !== digits.charCodeAt(n) - 48) return false;
  }
  return true;
}

/** A CPF for a report: only the middle digits shown, `***.456.789-**`. */
export function maskCpf(value: string): string {
  const d = value.replace(/\D/g, '');
  if (d.length !== 11) return '*'.repeat(Math.max(3, value.length));
  return `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`;
}
