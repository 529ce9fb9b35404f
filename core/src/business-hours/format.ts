/**
 * pt-BR text for a business duration: "3 h 30 min", "45 min", "2 h", "0 min".
 * Business hours are never folded into days (80 business hours are not "3 dias"). Whole minutes,
 * truncated toward zero (a remaining 59 s shows "0 min"); negative durations (overdue) get a minus sign.
 */
const integer = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 0 });

export function formatBusinessDuration(ms: number): string {
  if (!Number.isFinite(ms)) throw new RangeError(`Duração inválida: ${ms}.`);
  const totalMinutes = Math.floor(Math.abs(ms) / 60_000);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const sign = ms < 0 && totalMinutes > 0 ? '-' : '';
  if (hours === 0) return `${sign}${minutes} min`;
  if (minutes === 0) return `${sign}${integer.format(hours)} h`;
  return `${sign}${integer.format(hours)} h ${minutes} min`;
}
