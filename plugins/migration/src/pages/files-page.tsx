/** The request's files: the upload form, each current file with its figures, the request's total report. */
import { formatBytes, formatDateTime, formatNumber, formatPercent, PageHeader, UploadProgress } from '@painel/core/plugin';
import type { RequestFileRow } from '../files/file-rows.ts';
import { ENTITIES, ENTITY_KEYS, isEntityKey } from '../prevalidation/entities.ts';
import type { ErrorKind, WarningKind } from '../prevalidation/kinds.ts';
import { total } from '../prevalidation/report.ts';
import type { RequestRow } from '../store/request-store.ts';
import { requestPath } from '../ui/request-table.tsx';
import { FILE_STATUS_LABELS } from './file-labels.ts';
import { ErrorsTable, Figures, WarningsList } from './report-view.tsx';

const entityLabel = (e: string) => (isEntityKey(e) ? ENTITIES[e].label : e);

export function UploadForm(props: { r: RequestRow }) {
  const action = `${requestPath(props.r.id)}/arquivos`;
  return (
    <form method="post" action={action} enctype="multipart/form-data" hx-post={action} hx-encoding="multipart/form-data" hx-target="#resultado-envio" data-upload-progress data-testid="file-upload">
      <div class="two-columns">
        <label for="f-entidade">
          O que o arquivo contém
          <select id="f-entidade" name="entidade">
            <option value="">Identificar pelo nome ou cabeçalho</option>
            {ENTITY_KEYS.map((k) => (
              <option value={k}>{ENTITIES[k].label}</option>
            ))}
          </select>
        </label>
        <label for="f-aba">
          Aba da planilha ou tabela do Access (opcional)
          <input id="f-aba" name="aba" maxlength={120} placeholder="a primeira aba, se em branco" />
        </label>
      </div>
      <label for="f-arquivo-exportado">
        Arquivo exportado do sistema antigo
        <input id="f-arquivo-exportado" type="file" name="arquivo" accept=".csv,.txt,.tsv,.xlsx,.xlsm,.mdb,.accdb" required />
        <small>CSV (qualquer separador, UTF-8 ou Windows-1252), Excel (.xlsx) ou Access (.mdb/.accdb), até 2 GB. Um arquivo novo da mesma entidade substitui o anterior.</small>
      </label>
      <UploadProgress />
      <button type="submit">Enviar e verificar</button>
      <div id="resultado-envio" aria-live="polite"></div>
    </form>
  );
}

export function FilesPage(props: {
  r: RequestRow;
  role: string;
  files: Array<{ file: RequestFileRow; corrections: RequestFileRow[] }>;
  replaced: RequestFileRow[];
  canWrite: boolean;
}) {
  const { r } = props;
  const checked = props.files.filter(({ file }) => file.rows !== null && file.report && !('unusable' in file.report));
  const sum = total(
    checked.map(({ file }) => ({
      rows: file.rows ?? 0,
      valid: file.validRows ?? 0,
      errors: (file.report?.errors ?? {}) as Partial<Record<ErrorKind, number>>,
      warnings: (file.report?.warnings ?? {}) as Partial<Record<WarningKind, number>>,
    })),
  );
  return (
    <>
      <p class="small">
        <a href={requestPath(r.id)}>← Migração #{r.id}</a>
      </p>
      <PageHeader
        title="Pré-validação dos arquivos"
        subtitle={
          <>
            Migração #{r.id} · {r.clinicName} · sistema {r.legacySystemName}
          </>
        }
      />
      <p class="muted">
        Envie os arquivos exportados do sistema antigo (um por entidade). Cada arquivo é lido e verificado: as colunas são associadas aos campos do Painel, e cada linha
        é conferida (CPF, datas, telefones, duplicidades e referências entre os arquivos). Revise o mapeamento de cada arquivo e baixe as linhas com erro para corrigir.
      </p>
      {props.canWrite && (
        <section class="card" aria-labelledby="enviar-title">
          <h2 id="enviar-title" class="card-title">
            Enviar arquivo
          </h2>
          <UploadForm r={r} />
        </section>
      )}
      <section class="card" aria-labelledby="arquivos-title" data-testid="files">
        <h2 id="arquivos-title" class="card-title">
          Arquivos enviados
        </h2>
        {props.files.length === 0 ? (
          <p class="muted">Nenhum arquivo enviado ainda.</p>
        ) : (
          <div class="mig-table-wrap">
            <table data-testid="files-table">
              <caption class="visually-hidden">Arquivos da migração e o resultado da verificação</caption>
              <thead>
                <tr>
                  <th scope="col">Arquivo</th>
                  <th scope="col">Entidade</th>
                  <th scope="col">Situação</th>
                  <th scope="col">Linhas</th>
                  <th scope="col">Válidas</th>
                  <th scope="col">% válidas</th>
                </tr>
              </thead>
              <tbody>
                {props.files.map(({ file, corrections }) => (
                  <tr data-file={file.id}>
                    <td>
                      <a href={`${requestPath(r.id)}/arquivos/${file.id}`}>{file.originalName}</a>
                      <br />
                      <small class="muted">
                        {formatBytes(file.sizeBytes)} · enviado por {file.uploadedByName} em {formatDateTime(file.uploadedAt)}
                        {corrections.length > 0 ? ` · ${corrections.length === 1 ? '1 correção' : `${corrections.length} correções`}` : ''}
                      </small>
                    </td>
                    <td>{entityLabel(file.entity)}</td>
                    <td>
                      <span class={`badge ${FILE_STATUS_LABELS[file.status].tone}`}>{FILE_STATUS_LABELS[file.status].label}</span>
                    </td>
                    <td>{file.rows === null ? '—' : formatNumber(file.rows)}</td>
                    <td>{file.validRows === null ? '—' : formatNumber(file.validRows)}</td>
                    <td>{file.rows === null ? '—' : formatPercent(Number(file.report?.validPercent ?? 0))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {checked.length > 0 && (
        <section class="card" aria-labelledby="total-title" data-testid="request-report">
          <h2 id="total-title" class="card-title">
            Relatório da solicitação ({checked.length === 1 ? '1 arquivo' : `${checked.length} arquivos`})
          </h2>
          <Figures report={sum} />
          <ErrorsTable report={sum} />
          <WarningsList report={sum} />
        </section>
      )}
      {props.replaced.length > 0 && (
        <details class="card">
          <summary>Arquivos substituídos ({props.replaced.length})</summary>
          <ul>
            {props.replaced.map((f) => (
              <li>
                <a href={`${requestPath(r.id)}/arquivos/${f.id}`}>{f.originalName}</a> · {entityLabel(f.entity)} · enviado em {formatDateTime(f.uploadedAt)}
                {f.report && 'unusable' in f.report ? ` · não pôde ser lido: ${String(f.report.unusable)}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
