/**
 * Brazilian phone numbers: area code (DDD) from the national list, then 8 digits (landline, not starting
 * with 0 or 1) or 9 digits starting with 9 (mobile); spaces, ( ) - . allowed, and a +55 or 0 prefix.
 * Several numbers in one cell may be separated by "/", "," or ";" — each must be valid.
 */

const DDD = new Uint8Array(100);
for (const d of [
  11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55,
  61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74, 75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
])
  DDD[d] = 1;

export const isValidDdd = (ddd: number) => ddd >= 0 && ddd < 100 && DDD[ddd] === 1;

const buf = new Int32Array(16);

/** One number, characters [from, to) of the value. */
function validOne(value: string, from: number, to: number): boolean {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (n === 16) return false;
      buf[n++] = c - 48;
    } else if (c !== 32 && c !== 40 && c !== 41 && c !== 45 && c !== 46 && c !== 43) return false;
  }
  let at = 0;
  if (n === 13 && buf[0] === 5 && buf[1] === 5) at = 2; // +55 DDD number (mobile)
  else if (n === 12 && buf[0] === 5 && buf[1] === 5) at = 2; // +55 DDD number (landline)
  else if ((n === 11 || n === 12) && buf[0] === 0) at = 1; // 0 DDD number (long-distance prefix)
  const len = n - at;
  if (len !== 10 && len !== 11) return false;
  if (!DDD[buf[at]! * 10 + buf[at + 1]!]) return false;
  const first = buf[at + 2]!;
  return len === 11 ? first === 9 : first >= 2;
}

export function validPhone(value: string): boolean {
  let from = 0;
  let parts = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 47;
    if (c === 47 || c === 44 || c === 59) {
      let blank = true;
      for (let j = from; j < i; j++) if (value.charCodeAt(j) !== 32) blank = false;
      if (!blank) {
        if (!validOne(value, from, i)) return false;
        parts++;
      }
      from = i + 1;
    }
  }
  return parts > 0;
}
