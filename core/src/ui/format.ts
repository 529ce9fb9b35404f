/** pt-BR formatting in the app's zone, Brasília time (America/Sao_Paulo): dd/mm/aaaa and dd/mm/aaaa HH:mm. */
import { appTimeZone as zone } from '../time/app-time.ts';

const dateTime = new Intl.DateTimeFormat('pt-BR', {
  timeZone: zone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const dateOnly = new Intl.DateTimeFormat('pt-BR', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeOnly = new Intl.DateTimeFormat('pt-BR', { timeZone: zone, hour: '2-digit', minute: '2-digit' });
const withSeconds = new Intl.DateTimeFormat('pt-BR', {
  timeZone: zone,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const shortWeekday = new Intl.DateTimeFormat('pt-BR', { timeZone: zone, weekday: 'short' });

export const formatDateTime = (d: Date): string => dateTime.format(d).replace(',', '');
export const formatDate = (d: Date): string => dateOnly.format(d);
export const formatTime = (d: Date): string => timeOnly.format(d);
/** "02/03/2026 09:00:05" (audit trails). */
export const formatDateTimeSeconds = (d: Date): string => withSeconds.format(d).replace(',', '');
/** "seg.", "qua." */
export const formatWeekdayShort = (d: Date): string => shortWeekday.format(d);

/** "2 dias e 3 h", "3 h 20 min", "45 min", "menos de 1 min". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return 'menos de 1 min';
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours > 0 ? `${days} ${days === 1 ? 'dia' : 'dias'} e ${hours} h` : `${days} ${days === 1 ? 'dia' : 'dias'}`;
  if (hours > 0) return mins > 0 ? `${hours} h ${mins} min` : `${hours} h`;
  return `${mins} min`;
}

const integerLike = new Intl.NumberFormat('pt-BR');
/** "1.234", "1,5": pt-BR digits (one shared formatter: building an Intl formatter costs more than using it). */
export const formatNumber = (n: number): string => integerLike.format(n);

const oneDecimal = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 });
/** "97,5%", "100%": a percentage with at most one decimal. */
export const formatPercent = (n: number): string => `${oneDecimal.format(n)}%`;

/** "340 KB", "1,5 MB", "200 MB", "2 GB": units of 1024 bytes, pt-BR decimal comma, at most one decimal. */
export function formatBytes(n: number): string {
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = unit === 0 ? Math.max(1, Math.round(value)) : Math.round(value * 10) / 10;
  return `${formatNumber(shown)} ${units[unit]}`;
}
