/**
 * Brasília time (America/Sao_Paulo) for the audit screen and its CSV. Brazil has had no daylight
 * saving time since 2019, so a calendar day there runs from 03:00 UTC to 03:00 UTC the next day.
 */
const zone = 'America/Sao_Paulo';
const brasiliaOffsetHours = 3;

const withSeconds = new Intl.DateTimeFormat('pt-BR', {
  timeZone: zone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "02/03/2026 09:00:05" */
export const formatAuditTime = (d: Date): string => withSeconds.format(d).replace(',', '');

/** "dd/mm/aaaa" (or "aaaa-mm-dd" from a date picker) → the first instant of that day in Brasília. */
export function parseBrazilianDate(text: string): Date | null {
  const value = text.trim();
  const br = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [day, month, year] = br ? [br[1], br[2], br[3]] : iso ? [iso[3], iso[2], iso[1]] : [];
  if (!day || !month || !year) return null;
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const utc = new Date(Date.UTC(y, m - 1, d, brasiliaOffsetHours));
  if (y < 2000 || y > 2999 || utc.getUTCFullYear() !== y || utc.getUTCMonth() !== m - 1 || utc.getUTCDate() !== d) return null;
  return utc;
}

export const dayAfter = (d: Date): Date => new Date(d.getTime() + 24 * 60 * 60 * 1000);
