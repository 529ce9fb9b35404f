import { formatDateTime, formatWeekdayShort } from '@painel/core/module';

/** "qua., 04/03/2026 09:30" (Brasília time). */
export function formatSlot(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${formatWeekdayShort(date)}, ${formatDateTime(date)}`;
}
