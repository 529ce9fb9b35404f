import { listArticleSlugs } from '../articles/index.ts';
import type { TrackRow } from '../tracks/version-store.ts';
import { MAX_PREVIEW_TEXT, MAX_UPLOAD_BYTES } from '../tracks/upload-version.ts';

export interface UploadFormValues {
  /** `padrao`, `nova` or a track id. */
  trilha: string;
  nome: string;
  previa: string;
}

export interface UploadFormProps {
  owner: 'platform' | 'reseller';
  tracks: TrackRow[];
  values: UploadFormValues;
  fieldErrors: Partial<Record<'trilha' | 'nome' | 'arquivo' | 'previa', string>>;
}

const example = `"conquistas": [
{
"descricao": "Processos para Cooperados Unimed XPTO",
"bloqueada": false,
"notificado": true,
"tarefas": [
{
"titulo": "Autorização de guia – Teleconsulta",
"efetuada": false,
"identificador_artigo": "https://youtu.be/…"
}
]
},`;

/** The upload form (multipart): track, file, preview text. Works without JavaScript. */
export function UploadForm({ owner, tracks, values, fieldErrors }: UploadFormProps) {
  const kb = Math.round(MAX_UPLOAD_BYTES / 1024);
  const err = (name: keyof UploadFormProps['fieldErrors']) =>
    fieldErrors[name] ? (
      <small id={`f-${name}-error`} class="field-error">
        {fieldErrors[name]}
      </small>
    ) : null;
  const invalid = (name: keyof UploadFormProps['fieldErrors']) => (fieldErrors[name] ? 'true' : undefined);
  const described = (name: keyof UploadFormProps['fieldErrors'], hint?: string) =>
    [fieldErrors[name] ? `f-${name}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <form method="post" action="/conteudos/enviar" enctype="multipart/form-data" class="card upload-form" data-testid="upload-form">
      {owner === 'platform' ? (
        <>
          <input type="hidden" name="trilha" value="padrao" />
          <p>
            Trilha: <strong>trilha padrão da plataforma</strong> (vista por todas as clínicas de todas as singulares).
          </p>
        </>
      ) : (
        <div class="grid upload-track">
          <label for="f-trilha">
            Trilha
            <select id="f-trilha" name="trilha" aria-invalid={invalid('trilha')} aria-describedby={described('trilha')}>
              <option value="nova" selected={values.trilha === 'nova'}>
                Nova trilha
              </option>
              {tracks.map((t) => (
                <option value={String(t.id)} selected={values.trilha === String(t.id)}>
                  {t.name} — nova versão
                </option>
              ))}
            </select>
            {err('trilha')}
          </label>
          <label for="f-nome">
            Nome da nova trilha
            <input
              id="f-nome"
              name="nome"
              type="text"
              maxlength={120}
              value={values.nome}
              placeholder="Ex.: Processos da Singular"
              aria-invalid={invalid('nome')}
              aria-describedby={described('nome', 'f-nome-hint')}
            />
            <small id="f-nome-hint">Só para uma nova trilha. Os usuários das clínicas veem este nome no painel.</small>
            {err('nome')}
          </label>
        </div>
      )}
      <label for="f-arquivo">
        Arquivo de conquistas (.json ou .txt)
        <input
          id="f-arquivo"
          name="arquivo"
          type="file"
          accept=".json,.txt,application/json,text/plain"
          required
          aria-invalid={invalid('arquivo')}
          aria-describedby={described('arquivo', 'f-arquivo-hint')}
        />
        <small id="f-arquivo-hint">
          Até {kb} KB, em UTF-8. Pode ser o trecho no formato do artigo de implantação (começando em "conquistas": [ ), sem as
          chaves em volta.
        </small>
        {err('arquivo')}
      </label>
      <label for="f-previa">
        Texto complementar para a prévia <span class="muted">(opcional)</span>
        <textarea
          id="f-previa"
          name="previa"
          rows={3}
          maxlength={MAX_PREVIEW_TEXT}
          aria-invalid={invalid('previa')}
          aria-describedby={described('previa', 'f-previa-hint')}
        >
          {values.previa}
        </textarea>
        <small id="f-previa-hint">
          Aparece abaixo do nome da trilha no painel das clínicas. Até {MAX_PREVIEW_TEXT} caracteres.
        </small>
        {err('previa')}
      </label>
      <button type="submit">Validar e criar rascunho</button>
      <p class="muted small">
        Nada é publicado agora: o arquivo aceito vira uma versão em rascunho, com prévia, que você publica depois.
      </p>
      <FormatHelp example={example} />
    </form>
  );
}

function FormatHelp({ example: text }: { example: string }) {
  return (
    <details class="format-help">
      <summary>Como montar o arquivo</summary>
      <p>
        Cada conquista tem <code>descricao</code>, <code>bloqueada</code> (abre só depois das anteriores), <code>notificado</code>{' '}
        (avisa os usuários ao publicar) e <code>tarefas</code>. Cada tarefa tem <code>titulo</code>, <code>efetuada</code> (já começa
        concluída) e <code>identificador_artigo</code>: um link do YouTube (youtube.com/watch, youtu.be, embed ou shorts) ou o
        identificador de um artigo da central de ajuda. Opcionalmente, <code>id</code> mantém o progresso mesmo se o título mudar.
      </p>
      <pre class="mono example">{text}</pre>
      <p class="small">Artigos disponíveis: {listArticleSlugs().join(', ')}.</p>
    </details>
  );
}
