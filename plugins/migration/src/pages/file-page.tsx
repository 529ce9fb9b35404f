/** One file of a request: its reading, the validation job, the mapping review, the report, error rows, corrections, history. */
import { formatBytes, formatDateTime, formatNumber, formatPercent, JobProgress, type JobView, PageHeader, UploadProgress } from '@painel/core/plugin';
import type { RequestFileRow } from '../files/file-rows.ts';
import type { PractitionerMatch } from '../files/practitioners.ts';
import type { StoredReport } from '../files/prevalidate-job.ts';
import { ENTITIES, isEntityKey } from '../prevalidation/entities.ts';
import type { RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { DELIMITER_LABELS, ENCODING_LABELS, FILE_STATUS_LABELS, FORMAT_LABELS, REASON_LABELS } from './file-labels.ts';
import { MappingReview } from './mapping-review.tsx';
import { ErrorsTable, Figures, WarningsList } from './report-view.tsx';

export interface FilePageProps {
  r: RequestRow;
  file: RequestFileRow;
  corrections: RequestFileRow[];
  hasTemplate: boolean;
  job: JobView | null;
  canCancel: boolean;
  canWrite: boolean;
  download: 'erros.csv' | 'erros-prontuario.csv' | null;
  practitioners: PractitionerMatch[];
}

export function FilePage(props: FilePageProps) {
  const { r, file } = props;
  const base = `${requestPath(r.id)}/arquivos/${file.id}`;
  const entity = isEntityKey(file.entity) ? ENTITIES[file.entity] : null;
  const report = file.report && !('unusable' in file.report) ? (file.report as unknown as StoredReport) : null;
  const running = props.job !== null && (props.job.state === 'queued' || props.job.state === 'running');
  const invalid = report ? report.rows - report.valid : 0;
  return (
    <>
      <p class="small">
        <a href={`${requestPath(r.id)}/arquivos`}>← Arquivos da migração #{r.id}</a>
      </p>
      <PageHeader
        title={file.originalName}
        subtitle={
          <>
            {entity?.label ?? file.entity} · {FORMAT_LABELS[file.format]} · {formatBytes(file.sizeBytes)} · enviado por {file.uploadedByName} em {formatDateTime(file.uploadedAt)} ·{' '}
            <span class={`badge ${FILE_STATUS_LABELS[file.status].tone}`} data-testid="file-status">
              {FILE_STATUS_LABELS[file.status].label}
            </span>
          </>
        }
      />
      {file.status === 'substituido' && (
        <p class="flash flash-info">
          {file.report && 'unusable' in file.report ? `Este arquivo não pôde ser lido: ${String(file.report.unusable)}` : 'Um arquivo mais novo da mesma entidade substituiu este.'}
        </p>
      )}
      {(running || file.status === 'enviado') && (
        <section class="card" aria-labelledby="verificacao-title" data-testid="validation">
          <h2 id="verificacao-title" class="card-title">
            Verificação em andamento
          </h2>
          {props.job && <JobProgress job={props.job} canCancel={props.canCancel} />}
          <p class="muted small">A página é atualizada quando a verificação terminar.</p>
          <div hx-get={`${base}/estado`} hx-trigger="every 2s" hx-swap="none"></div>
        </section>
      )}
      {!running && props.job?.state === 'failed' && (
        <p class="flash flash-error" role="alert">
          A verificação falhou: {props.job.error}
        </p>
      )}
      {report && (
        <section class="card" aria-labelledby="leitura-title">
          <h2 id="leitura-title" class="card-title">
            Leitura do arquivo
          </h2>
          <p data-testid="reading">
            {file.format === 'csv' && (
              <>
                Codificação: {ENCODING_LABELS[file.encoding ?? ''] ?? '—'} · separador: {DELIMITER_LABELS[file.delimiter ?? ''] ?? '—'} ·{' '}
              </>
            )}
            {file.sheet ? `${file.format === 'mdb' ? 'tabela' : 'aba'} ${file.sheet} · ` : ''}
            {file.header?.length ?? 0} colunas · <span class="mono small">SHA-256 {file.sha256.slice(0, 16)}…</span>
          </p>
        </section>
      )}
      {file.header && file.status !== 'enviado' && (
        <MappingReview file={file} action={`${base}/mapeamento`} canWrite={props.canWrite} systemName={r.legacySystemName} fromTemplate={Boolean(report?.templateApplied)} />
      )}
      {report && (
        <section class="card" id="relatorio" aria-labelledby="relatorio-title" data-testid="file-report">
          <h2 id="relatorio-title" class="card-title">
            Relatório do arquivo
          </h2>
          <Figures report={report} />
          {report.merge && (report.merge.replaced > 0 || report.merge.added > 0) && (
            <p data-testid="merge">
              Com as correções: {formatNumber(report.merge.replaced)} {report.merge.replaced === 1 ? 'linha substituída' : 'linhas substituídas'}
              {report.merge.added > 0 ? ` e ${formatNumber(report.merge.added)} ${report.merge.added === 1 ? 'linha acrescentada (sem linha original correspondente)' : 'linhas acrescentadas (sem linha original correspondente)'}` : ''}.
            </p>
          )}
          <h3>Erros por tipo</h3>
          <ErrorsTable report={report} entity={file.entity} />
          <WarningsList report={report} />
          {report.unchecked.length > 0 && (
            <p class="muted">
              Referências não conferidas (arquivo não enviado): {report.unchecked.map((e) => ENTITIES[e]?.label ?? e).join(', ')}.
            </p>
          )}
          {invalid > 0 && (
            <div data-testid="error-download">
              {props.download ? (
                <p>
                  <a class="button" href={`${base}/${props.download}`} download>
                    Baixar as {formatNumber(invalid)} linhas com erro (CSV)
                  </a>{' '}
                  <small class="muted">Com o número da linha original, a linha como veio e os motivos.</small>
                </p>
              ) : (
                <p class="muted">As linhas com erro deste arquivo contêm dados de prontuário: só a equipe de migração e os profissionais clínicos da base podem baixá-las.</p>
              )}
            </div>
          )}
        </section>
      )}
      {report && (invalid > 0 || props.corrections.length > 0) && (
        <section class="card" id="correcoes" aria-labelledby="correcoes-title" data-testid="corrections">
          <h2 id="correcoes-title" class="card-title">
            Correções
          </h2>
          <p>
            Corrija só as linhas com erro (na planilha baixada acima, mantendo a coluna “Linha”) e envie-as: elas substituem as linhas de mesmo número — ou de mesmo
            código — e o arquivo é verificado de novo. Não é preciso reenviar o arquivo inteiro.
          </p>
          {props.corrections.length > 0 && (
            <ul data-testid="corrections-list">
              {props.corrections.map((c) => (
                <li>
                  {c.originalName} · {formatBytes(c.sizeBytes)} · enviado por {c.uploadedByName} em {formatDateTime(c.uploadedAt)}
                </li>
              ))}
            </ul>
          )}
          {props.canWrite && (
            <form method="post" action={`${base}/correcao`} enctype="multipart/form-data" hx-post={`${base}/correcao`} hx-encoding="multipart/form-data" hx-target="#resultado-correcao" data-upload-progress data-testid="correction-upload">
              <label for="f-correcao">
                Arquivo com as linhas corrigidas
                <input id="f-correcao" type="file" name="arquivo" accept=".csv,.txt,.xlsx,.xlsm" required />
              </label>
              <UploadProgress />
              <button type="submit">Enviar correção</button>
              <div id="resultado-correcao" aria-live="polite"></div>
            </form>
          )}
        </section>
      )}
      {props.practitioners.length > 0 && (
        <section class="card" aria-labelledby="profissionais-title" data-testid="practitioners">
          <h2 id="profissionais-title" class="card-title">
            Profissionais citados nos agendamentos
          </h2>
          <p class="muted">
            Cada agendamento fica com o usuário da base de mesmo nome. Cadastre os profissionais que ainda não têm usuário (ou ajuste o nome) antes da importação.
          </p>
          <table>
            <caption class="visually-hidden">Profissionais e usuários da base</caption>
            <thead>
              <tr>
                <th scope="col">Profissional no arquivo</th>
                <th scope="col">Agendamentos</th>
                <th scope="col">Usuário da base</th>
              </tr>
            </thead>
            <tbody>
              {props.practitioners.map((p) => (
                <tr>
                  <td>{p.name}</td>
                  <td>{formatNumber(p.rows)}</td>
                  <td>{p.user ?? <span class="badge badge-warn">Sem usuário correspondente</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {file.history.length > 0 && (
        <section class="card" aria-labelledby="historico-title" data-testid="history">
          <h2 id="historico-title" class="card-title">
            Histórico de verificações
          </h2>
          <table>
            <caption class="visually-hidden">Verificações deste arquivo</caption>
            <thead>
              <tr>
                <th scope="col">Quando</th>
                <th scope="col">Motivo</th>
                <th scope="col">Por</th>
                <th scope="col">Linhas</th>
                <th scope="col">Válidas</th>
              </tr>
            </thead>
            <tbody>
              {[...file.history].reverse().map((h) => (
                <tr>
                  <td>{formatDateTime(new Date(h.at))}</td>
                  <td>{REASON_LABELS[h.reason] ?? h.reason}</td>
                  <td>{h.byName}</td>
                  <td>{formatNumber(h.rows)}</td>
                  <td>
                    {formatNumber(h.valid)} ({formatPercent(h.validPercent)})
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </>
  );
}
