/**
 * Brasília time (America/Sao_Paulo) for the audit screen and its CSV. Brazil has had no daylight
 * saving time since 2019, so a calendar day there runs from 03:00 UTC to 03:00 UTC the next day.
 */
import { parseCalendarDate } from '@painel/core/module';
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
  const date = parseCalendarDate(text);
  if (!date || date.year < 2000 || date.year > 2999) return null;
  return new Date(Date.UTC(date.year, date.month - 1, date.day, brasiliaOffsetHours));
}

export const dayAfter = (d: Date): Date => new Date(d.getTime() + 24 * 60 * 60 * 1000);
