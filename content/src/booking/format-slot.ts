import { formatDateTime } from '@painel/core/module';

const weekday = new Intl.DateTimeFormat('pt-BR', { timeZone: 'America/Sao_Paulo', weekday: 'short' });

/** "qua., 04/03/2026 09:30" (Brasília time). */
export function formatSlot(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return `${weekday.format(date)}, ${formatDateTime(date)}`;
}
