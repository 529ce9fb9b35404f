import { DateInput, formatBytes, formatCalendarDate, formatDateTime, formatNumber, parseCalendarDate, UploadProgress } from '@painel/core/plugin';
import type { BackupRow } from '../routes/backup-routes.tsx';
import type { RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';

const day = (iso: string | null) => {
  const d = iso ? parseCalendarDate(iso) : null;
  return d ? formatCalendarDate(d) : '';
};

/** The backups of a request: uploaded files (size, SHA-256, who, when; a PostgreSQL dump's tables) and external links. */
export function BackupsCard(props: { r: RequestRow; backups: BackupRow[]; canWrite: boolean; canDownload: boolean }) {
  const path = requestPath(props.r.id);
  return (
    <section class="card" id="backups" aria-labelledby="backups-title" data-testid="backups">
      <h2 id="backups-title" class="card-title">
        Backups
      </h2>
      <p class="small muted">
        {props.canDownload
          ? 'Cada download fica na auditoria e no histórico de acessos da clínica.'
          : 'Só a equipe de migração baixa os arquivos, e cada download fica no histórico de acessos da clínica. Confira pelo tamanho e pelo SHA-256 que o arquivo chegou inteiro; a clínica guarda o original.'}
      </p>
      {props.backups.length === 0 ? (
        <p class="muted">Nenhum backup recebido ainda.</p>
      ) : (
        <ul class="mig-thread">
          {props.backups.map((b) => (
            <li data-backup={b.kind}>
              {b.kind === 'link' ? (
                <p>
                  <strong>Link externo</strong>: <span class="mono">{b.url}</span>
                  {b.linkDeadline ? ` · disponível até ${day(b.linkDeadline)}` : ' · sem prazo informado'}
                </p>
              ) : (
                <p>
                  <strong>{b.fileName}</strong> · {formatBytes(b.sizeBytes ?? 0)} · <span class="mono small">SHA-256 {b.sha256}</span>
                  {b.deletedAt ? (
                    <small class="muted"> · excluído pela retenção em {formatDateTime(b.deletedAt)}</small>
                  ) : (
                    props.canDownload && (
                      <>
                        {' '}
                        ·{' '}
                        <a href={`${path}/backups/${b.id}/arquivo`} download={b.fileName ?? undefined} data-testid="backup-download">
                          Baixar
                        </a>
                      </>
                    )
                  )}
                </p>
              )}
              <p class="small muted">
                por {b.byName} em {formatDateTime(b.at)}
              </p>
              {b.tables && (
                <details open={b.tables.length <= 12}>
                  <summary>
                    Dump PostgreSQL ({b.dumpFormat === 'custom' ? 'formato custom' : 'SQL'}): {b.tables.length} tabelas
                  </summary>
                  <table data-testid="dump-tables">
                    <caption class="visually-hidden">Tabelas do dump</caption>
                    <thead>
                      <tr>
                        <th scope="col">Tabela</th>
                        <th scope="col">Linhas</th>
                      </tr>
                    </thead>
                    <tbody>
                      {b.tables.map((t) => (
                        <tr>
                          <td class="mono">{t.name}</td>
                          <td>{t.rows === null ? '—' : formatNumber(t.rows)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.canWrite && (
        <div class="two-columns">
          <form method="post" action={`${path}/backups/arquivo`} enctype="multipart/form-data" data-upload-progress data-testid="backup-upload">
            <label for="f-arquivo">
              Enviar o arquivo do backup
              <input id="f-arquivo" type="file" name="arquivo" required />
              <small>Até 4 GB. Para um dump PostgreSQL, as tabelas são listadas automaticamente.</small>
            </label>
            <UploadProgress />
            <button type="submit">Enviar backup</button>
          </form>
          <form method="post" action={`${path}/backups/link`} data-testid="backup-link">
            <label for="f-url">
              Ou registrar o link de hospedagem
              <input id="f-url" name="url" type="url" placeholder="https://" maxlength={2000} required />
            </label>
            <label for="f-prazo">
              Prazo do link (se houver)
              <DateInput id="f-prazo" name="prazo" />
            </label>
            <button type="submit" class="secondary">
              Registrar link
            </button>
          </form>
        </div>
      )}
    </section>
  );
}
