/** "Importar bases (CSV)": the upload form and the per-row preview with its confirmation form. */
import { ErrorSummary, formatNumber, PageHeader } from '@painel/core/module';
import { CLINIC_COLUMNS, CLINIC_CSV_MAX_ROWS } from '../parsing/index.ts';
import { Card, type SelectOption, SelectField, urlWith } from '../clinics/admin-ui.tsx';
import type { ImportMode, ImportPlan, PlannedRow } from './import-plan.ts';
import type { ImportPayload } from './payload.ts';
import { type ShownFields, shownFields } from './row-fields.ts';

/** Rows listed in the preview: every row with an error (up to this many) and the first valid ones. */
export const PREVIEW_MAX_ERROR_ROWS = 1000;
export const PREVIEW_MAX_VALID_ROWS = 200;

const EXAMPLE = [
  'nome;id da base;cnpj;cidade;uf',
  'Clínica São José;1201;11.222.333/0001-81;São Paulo;SP',
  'Consultório Dra. Ana Conceição;;;Florianópolis;SC',
].join('\n');

export function UploadPage(props: {
  resellerLabel: string | null;
  resellerOptions: SelectOption[] | null;
  singular: string;
  errors: string[];
  singularError?: string | undefined;
}) {
  return (
    <>
      <PageHeader title="Importar bases clínicas" subtitle={props.resellerLabel ?? 'Crie várias bases de uma vez a partir de uma planilha.'} />
      {props.errors.length > 0 && (
        <div class="flash flash-error" role="alert" data-testid="file-errors">
          <strong>O arquivo não foi aceito; nada foi criado.</strong>
          <ul>
            {props.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="two-columns">
        <Card title="1. Envie o arquivo" class="form-card">
          <form method="post" action="/bases/importar" enctype="multipart/form-data">
            {props.resellerOptions && (
              <SelectField
                label="Singular"
                name="singular"
                value={props.singular}
                options={props.resellerOptions}
                error={props.singularError}
                required
                emptyLabel="Escolha a singular"
              />
            )}
            <label for="f-arquivo">
              Arquivo CSV
              <span aria-hidden="true"> *</span>
              <input id="f-arquivo" type="file" name="arquivo" accept=".csv,text/csv" required aria-describedby="f-arquivo-hint" />
              <small id="f-arquivo-hint">
                Até {formatNumber(CLINIC_CSV_MAX_ROWS)} bases e 5 MB por arquivo. Nada é criado antes da sua confirmação.
              </small>
            </label>
            <div class="form-actions">
              <button type="submit">Ver prévia</button>
              <a href="/bases" role="button" class="secondary outline">
                Cancelar
              </a>
            </div>
          </form>
          <p class="small muted example-title">Exemplo de arquivo (separado por “;”):</p>
          <pre class="example-csv">{EXAMPLE}</pre>
        </Card>
        <Card title="Como montar a planilha" class="side-card">
          <ul class="compact-list">
            <li>
              Primeira linha com os nomes das colunas: <strong>nome</strong> (obrigatória), <strong>id da base</strong>,{' '}
              <strong>CNPJ</strong>, <strong>cidade</strong> e <strong>UF</strong>.
            </li>
            <li>Deixe o id da base em branco para usar o próximo id livre.</li>
            <li>CNPJ com ou sem pontuação; UF pela sigla (SP) ou pelo nome do estado.</li>
            <li>Separador “;” ou “,”. Arquivos do Excel (UTF-8 ou Windows-1252) são aceitos.</li>
          </ul>
          <details class="small">
            <summary>Outros nomes de coluna aceitos</summary>
            <ul class="compact-list">
              {Object.values(CLINIC_COLUMNS).map((spec) => (
                <li>
                  <strong>{spec.label}</strong>: {spec.aliases.join(', ')}
                </li>
              ))}
            </ul>
          </details>
        </Card>
      </div>
    </>
  );
}

function previewRows(plan: ImportPlan): PlannedRow[] {
  let errors = 0;
  let valid = 0;
  return plan.rows.filter((row) => {
    if (row.errors.length > 0) return ++errors <= PREVIEW_MAX_ERROR_ROWS;
    return ++valid <= PREVIEW_MAX_VALID_ROWS;
  });
}

function Cell(props: { text: string; mono?: boolean }) {
  return props.text === '' ? <span class="muted">—</span> : <span class={props.mono ? 'mono' : undefined}>{props.text}</span>;
}

function PreviewRow(props: { row: PlannedRow; shown: ShownFields }) {
  const { row, shown } = props;
  const ok = row.errors.length === 0;
  return (
    <tr class={ok ? undefined : 'row-error'} data-testid="import-row" data-line={String(row.line)} data-ok={ok ? 'true' : 'false'}>
      <td class="mono">{row.line}</td>
      <td>
        <Cell text={shown.name} />
      </td>
      <td>{ok && shown.baseId === '' ? <span class="muted small">gerado ao criar</span> : <Cell text={shown.baseId} mono />}</td>
      <td class="nowrap">
        <Cell text={shown.cnpj} mono />
      </td>
      <td>
        <Cell text={[shown.city, shown.uf].filter(Boolean).join(' / ')} />
      </td>
      <td>
        {ok ? (
          <span class="badge badge-ok">será criada</span>
        ) : (
          <ul class="row-errors">
            {row.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

export function PreviewPage(props: {
  plan: ImportPlan;
  headers: Partial<Record<keyof ShownFields, string>>;
  payload: ImportPayload;
  fileName: string;
  encoding: string;
  delimiter: string;
  ignoredColumns: string[];
  resellerLabel: string;
  singular: string;
  mode: ImportMode;
  error?: string | undefined;
}) {
  const { plan } = props;
  const rows = previewRows(plan);
  const hidden = plan.rows.length - rows.length;
  return (
    <>
      <PageHeader title="Prévia da importação" subtitle={`${props.fileName} · ${props.resellerLabel}`} />
      <ErrorSummary errors={props.error ? [props.error] : []} />
      <div class="grid-cards import-stats">
        <div class="stat">
          <span class="muted small">Linhas no arquivo</span>
          <strong data-testid="rows-total">{formatNumber(plan.rows.length)}</strong>
        </div>
        <div class="stat stat-ok">
          <span class="muted small">Serão criadas</span>
          <strong data-testid="rows-valid">{formatNumber(plan.validCount)}</strong>
        </div>
        <div class={`stat ${plan.errorCount > 0 ? 'stat-error' : ''}`}>
          <span class="muted small">Com erro</span>
          <strong data-testid="rows-invalid">{formatNumber(plan.errorCount)}</strong>
        </div>
      </div>
      <p class="small muted">
        Arquivo lido como {props.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252 (Excel)'}, separador “{props.delimiter}”.
        {props.ignoredColumns.length > 0 && ` Colunas ignoradas: ${props.ignoredColumns.map((c) => `“${c}”`).join(', ')}.`}
      </p>
      <div class="table-wrap">
        <table class="import-table">
          <thead>
            <tr>
              <th scope="col">Linha</th>
              <th scope="col">Nome</th>
              <th scope="col">Id da base</th>
              <th scope="col">CNPJ</th>
              <th scope="col">Cidade / UF</th>
              <th scope="col">Resultado</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <PreviewRow row={row} shown={shownFields(row, props.headers)} />
            ))}
          </tbody>
        </table>
      </div>
      {hidden > 0 && (
        <p class="small muted">
          {formatNumber(hidden)} linhas sem erro não aparecem nesta prévia para mantê-la leve; todas serão criadas ao confirmar.
        </p>
      )}
      <Card title="2. Confirme" class="confirm-card">
        {plan.validCount === 0 ? (
          <>
            <p>Nenhuma linha pode ser criada. Corrija o arquivo e envie de novo.</p>
            <a href={urlWith('/bases/importar', { singular: props.singular })} role="button">
              Enviar outro arquivo
            </a>
          </>
        ) : (
          <form method="post" action="/bases/importar/confirmar" enctype="multipart/form-data">
            <input type="hidden" name="conteudo" value={props.payload.content} />
            <input type="hidden" name="resumo" value={props.payload.digest} />
            <input type="hidden" name="nome_arquivo" value={props.fileName} />
            <input type="hidden" name="singular" value={props.singular} />
            {plan.errorCount === 0 ? (
              <>
                <input type="hidden" name="modo" value="tudo" />
                <p>
                  Todas as linhas estão corretas. As {formatNumber(plan.validCount)} bases serão criadas de uma só vez: se
                  algo falhar, nenhuma é criada.
                </p>
              </>
            ) : (
              <fieldset>
                <legend>
                  {plan.errorCount === 1 ? '1 linha tem erro.' : `${formatNumber(plan.errorCount)} linhas têm erros.`} Como
                  continuar?
                </legend>
                <label>
                  <input type="radio" name="modo" value="tudo" checked={props.mode === 'all-or-nothing'} />
                  Tudo ou nada: não criar nenhuma base enquanto houver erros (corrija o arquivo e envie de novo)
                </label>
                <label>
                  <input type="radio" name="modo" value="validas" checked={props.mode === 'valid-only'} />
                  {plan.validCount === 1
                    ? 'Criar apenas a linha válida e ignorar as linhas com erro'
                    : `Criar apenas as ${formatNumber(plan.validCount)} linhas válidas e ignorar as linhas com erro`}
                </label>
              </fieldset>
            )}
            <div class="form-actions">
              <button type="submit">
                {plan.errorCount === 0
                  ? `Criar ${formatNumber(plan.validCount)} ${plan.validCount === 1 ? 'base' : 'bases'}`
                  : 'Confirmar'}
              </button>
              <a href={urlWith('/bases/importar', { singular: props.singular })} role="button" class="secondary outline">
                Enviar outro arquivo
              </a>
            </div>
          </form>
        )}
      </Card>
    </>
  );
}
