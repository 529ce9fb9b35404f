import { formatCalendarDate, formatDateTime, parseCalendarDate } from '@painel/core/plugin';
import { RETENTION_DAYS, retentionDay } from '../retention/policy.ts';
import type { RequestRow } from '../store/request-store.ts';

/** From the closing on: the date the request's files are deleted, then that they were. */
export function RetentionNote(props: { r: RequestRow }) {
  const { r } = props;
  if (!r.closedAt) return null;
  if (r.retentionDoneAt) {
    return (
      <p class="flash flash-info" data-testid="retention">
        Os arquivos desta migração (backups, anexos das mensagens, arquivos enviados, dados de homologação e pacotes finais) foram excluídos em {formatDateTime(r.retentionDoneAt)}, {RETENTION_DAYS} dias após o{' '}
        {r.state === 'cancelada' ? 'cancelamento' : 'encerramento'}. Ficam a solicitação, a linha do tempo, as mensagens e os relatórios.
      </p>
    );
  }
  const day = formatCalendarDate(parseCalendarDate(retentionDay(r.closedAt))!);
  return (
    <p class="flash flash-info" data-testid="retention">
      Os arquivos desta migração (backups, anexos das mensagens, arquivos enviados, dados de homologação e pacotes finais) serão excluídos em <strong>{day}</strong>, {RETENTION_DAYS} dias após o{' '}
      {r.state === 'cancelada' ? 'cancelamento' : 'encerramento'}. Ficam a solicitação, a linha do tempo, as mensagens e os relatórios. Baixe antes dessa data os anexos de que
      precisar.
    </p>
  );
}
