/**
 * Dates as dd/mm/aaaa (also d/m/aaaa, with - or . between), aaaa-mm-dd, optionally followed by a time
 * (legacy exports often write "15/03/1980 00:00:00"); date-times as dd/mm/aaaa hh:mm[:ss]. A date that
 * cannot exist (31/02) or a placeholder (00/00/0000) is invalid; years outside 1850–2100 too.
 */

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T]+(.+))?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1850 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days;
}

/** True for hh:mm or hh:mm:ss within a day. */
export function validTime(value: string): boolean {
  const t = TIME.exec(value.trim());
  return !!t && Number(t[1]) < 24 && Number(t[2]) < 60 && (t[3] === undefined || Number(t[3]) < 60);
}

/** Splits a date (and the time after it, if any); null when it is not a date. */
function parse(value: string): { ok: boolean; time: string | undefined } | null {
  const v = value.trim();
  const dmy = DMY.exec(v);
  if (dmy) return { ok: validDay(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])), time: dmy[4] };
  const ymd = YMD.exec(v);
  if (ymd) return { ok: validDay(Number(ymd[1]), Number(ymd[2]), Number(ymd[3])), time: ymd[4] };
  return null;
}

/** A valid date, with or without a (valid) time after it. */
export function validDate(value: string): boolean {
  const p = parse(value);
  return !!p && p.ok && (p.time === undefined || validTime(p.time));
}

/** A valid date-time: a date and an hh:mm time; a date alone is accepted when the time comes in its own column. */
export function validDateTime(value: string, timeInOwnColumn: boolean): boolean {
  const p = parse(value);
  if (!p || !p.ok) return false;
  if (p.time === undefined) return timeInOwnColumn;
  return validTime(p.time);
}

/** A Date read from a spreadsheet or Access table: valid when it is a real date within the same years. */
export function validDateObject(value: Date): boolean {
  const t = value.getTime();
  if (Number.isNaN(t)) return false;
  const y = value.getUTCFullYear();
  return y >= 1850 && y <= 2100;
}
