import type { BackupRun } from '../db/schema/index.ts';
import { EmptyState, PageHeader } from '../ui/components.tsx';
import { formatBytes, formatDateTime, formatDuration, formatNumber } from '../ui/format.ts';

const triggerLabels: Record<BackupRun['trigger'], string> = {
  schedule: 'Agendado',
  manual: 'Fazer backup agora',
  cli: 'npm run backup',
};

function seconds(ms: number): string {
  return ms < 60_000 ? `${formatNumber(Math.max(1, Math.round(ms / 1000)))} s` : formatDuration(ms);
}

function Verified({ run }: { run: BackupRun }) {
  const reason = typeof run.verification?.reason === 'string' ? run.verification.reason : undefined;
  if (run.status === 'failed') {
    return (
      <>
        <span class="badge badge-danger">Falhou</span>
        {run.error && <small class="field-error">{run.error}</small>}
      </>
    );
  }
  if (run.status !== 'ok') return <span class="badge badge-info">Em andamento</span>;
  if (run.verified === null) return <span class="badge badge-muted">Não verificado</span>;
  return (
    <>
      <span class={`badge ${run.verified ? 'badge-ok' : 'badge-danger'}`}>{run.verified ? 'Verificado' : 'Não passou na verificação'}</span>
      {reason && <small class={run.verified ? 'muted' : 'field-error'}>{reason}</small>}
    </>
  );
}

/** The run in progress (queued or running): a bar that htmx refreshes every 2 s until it ends. */
export function BackupProgress({ run }: { run: BackupRun | undefined }) {
  if (!run) return <div id="backup-progress" />;
  return (
    <div id="backup-progress" hx-get="/plataforma/backups/andamento" hx-trigger="every 2s" hx-swap="outerHTML" aria-live="polite">
      <p>
        <strong>{run.status === 'queued' ? 'Backup na fila' : 'Backup em andamento'}</strong> — {run.step ?? 'Iniciando'} ({run.progress}%)
      </p>
      <progress value={run.progress} max={100} aria-label="Andamento do backup">
        {run.progress}%
      </progress>
    </div>
  );
}

export function BackupsPage(props: {
  runs: BackupRun[];
  active: BackupRun | undefined;
  nextRun: Date | null;
  schedule: { time: string; timeZone: string } | null;
  dir: string;
  encrypted: boolean;
  retention: { keepDaily: number; keepWeekly: number };
}) {
  const { runs, nextRun, schedule } = props;
  return (
    <>
      <PageHeader
        title="Backups"
        subtitle={
          <>
            Próximo backup agendado:{' '}
            <strong>{nextRun && schedule ? `${formatDateTime(nextRun)} (todo dia às ${schedule.time}, ${schedule.timeZone})` : 'nenhum (BACKUP_SCHEDULE=off)'}</strong>
            . Arquivos em <code>{props.dir}</code>
            {props.encrypted ? ', criptografados (AES-256-GCM)' : ', sem criptografia'}; mantidos os últimos {props.retention.keepDaily} diários e{' '}
            {props.retention.keepWeekly} semanais.
          </>
        }
        actions={
          <form method="post" action="/plataforma/backups">
            <button type="submit" disabled={props.active !== undefined}>
              Fazer backup agora
            </button>
          </form>
        }
      />
      <BackupProgress run={props.active} />
      {runs.length === 0 ? (
        <EmptyState>Nenhum backup feito ainda.</EmptyState>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Últimos backups</caption>
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Origem</th>
                <th scope="col">Arquivo</th>
                <th scope="col">Tamanho</th>
                <th scope="col">Duração</th>
                <th scope="col">Verificação</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr data-testid={`backup-${run.id}`}>
                  <td>{formatDateTime(run.startedAt ?? run.createdAt)}</td>
                  <td>{triggerLabels[run.trigger]}</td>
                  <td class="mono">
                    {run.file ?? '—'}
                    {run.prunedAt && <small class="muted"> (removido pela retenção)</small>}
                  </td>
                  <td>{run.sizeBytes === null ? '—' : formatBytes(run.sizeBytes)}</td>
                  <td>{run.durationMs === null ? '—' : seconds(run.durationMs)}</td>
                  <td>
                    <Verified run={run} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
