/** CPF: 11 digits (dots, dash, slash and spaces allowed around them), check digits right, not all the same digit. */

const digits = new Int32Array(11);

/** The CPF's 11 digits as a number (a compact key for the duplicate set), or null when it is not a valid CPF. */
export function cpfKey(value: string): number | null {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (n === 11) return null;
      digits[n++] = c - 48;
    } else if (c !== 46 && c !== 45 && c !== 32 && c !== 47) return null;
  }
  return n === 11 ? checkedKey() : null;
}

function checkedKey(): number | null {
  let same = true;
  for (let i = 1; i < 11; i++) if (digits[i] !== digits[0]) same = false;
  if (same) return null;
  for (let n = 9; n <= 10; n++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += digits[i]! * (n + 1 - i);
    if (((sum * 10) % 11) % 10 !== digits[n]) return null;
  }
  let key = 0;
  for (let i = 0; i < 11; i++) key = key * 10 + digits[i]!;
  return key;
}

/** True for 11 digits with both check digits right and not all equal. */
export function validCpfDigits(text: string): boolean {
  return /^\d{11}$/.test(text) && cpfKey(text) !== null;
}

/** A CPF for a report: only the middle digits shown, `***.456.789-**`. */
export function maskCpf(value: string): string {
  const d = value.replace(/\D/g, '');
  if (d.length !== 11) return '*'.repeat(Math.max(3, Math.min(value.length, 14)));
  return `***.${d.slice(3, 6)}.${d.slice(6, 9)}-**`;
}
