import { PageHeader } from '@painel/core/plugin';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../attachments/sniff.ts';
import { CATEGORIES, categoryHint, categoryLabel, MODULES, moduleLabel } from '../domain/vocabulary.ts';

export interface NewTicketValues {
  categoria: string;
  modulo: string;
  assunto: string;
  mensagem: string;
  de: string;
}

export const emptyNewTicket: NewTicketValues = { categoria: '', modulo: '', assunto: '', mensagem: '', de: '' };

export function NewTicketPage(props: {
  base: { name: string; clinicId: number };
  values: NewTicketValues;
  errors: Record<string, string>;
  fileErrors: string[];
  previous: { id: number; subject: string } | null;
}) {
  const v = props.values;
  const e = props.errors;
  const all = [...Object.values(e), ...props.fileErrors];
  return (
    <>
      <p class="small">
        <a href="/p/support/chamados">← Chamados</a>
      </p>
      <PageHeader
        title={props.previous ? `Novo chamado a partir do #${props.previous.id}` : 'Abrir chamado'}
        subtitle={`Base ${props.base.name} · id ${props.base.clinicId} — o suporte já saberá em qual base você está.`}
      />
      {all.length > 0 && (
        <div class="flash flash-error" role="alert" data-testid="form-errors">
          <strong>Corrija os itens abaixo (nada foi enviado{props.fileErrors.length > 0 ? '; anexe os arquivos de novo' : ''}):</strong>
          <ul>
            {all.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {props.previous && (
        <p class="flash flash-info">
          O chamado #{props.previous.id} ("{props.previous.subject}") está fechado. Este novo chamado fica ligado a ele, com o histórico.
        </p>
      )}
      <form method="post" action="/p/support/chamados" enctype="multipart/form-data" class="card sup-new" data-testid="new-ticket-form">
        {props.previous && <input type="hidden" name="de" value={String(props.previous.id)} />}
        <fieldset aria-describedby={e.categoria ? 'err-categoria' : undefined}>
          <legend>Categoria *</legend>
          <div class="sup-category-grid">
            {CATEGORIES.map((c) => (
              <label class="sup-choice">
                <input type="radio" name="categoria" value={c} checked={v.categoria === c} required aria-invalid={e.categoria ? 'true' : undefined} />
                <span>
                  <strong>{categoryLabel[c]}</strong>
                  <small>{categoryHint[c]}</small>
                </span>
              </label>
            ))}
          </div>
          {e.categoria && (
            <small id="err-categoria" class="field-error">
              {e.categoria}
            </small>
          )}
        </fieldset>
        <label for="f-modulo">
          Módulo do sistema *
          <select id="f-modulo" name="modulo" required aria-invalid={e.modulo ? 'true' : undefined}>
            <option value="">Escolha…</option>
            {MODULES.map((m) => (
              <option value={m} selected={v.modulo === m}>
                {moduleLabel[m]}
              </option>
            ))}
          </select>
          {e.modulo && <small class="field-error">{e.modulo}</small>}
        </label>
        <label for="f-assunto">
          Assunto *
          <input
            id="f-assunto"
            name="assunto"
            value={v.assunto}
            maxlength={120}
            required
            placeholder="Ex.: Erro ao emitir guia de consulta"
            aria-invalid={e.assunto ? 'true' : undefined}
          />
          {e.assunto && <small class="field-error">{e.assunto}</small>}
        </label>
        <label for="f-mensagem">
          Descreva a situação *
          <textarea id="f-mensagem" name="mensagem" rows={7} maxlength={10000} required aria-invalid={e.mensagem ? 'true' : undefined}>
            {v.mensagem}
          </textarea>
          <small class="muted">O que você estava fazendo, o que esperava e o que aconteceu. Links são aceitos.</small>
          {e.mensagem && <small class="field-error">{e.mensagem}</small>}
        </label>
        <label for="f-anexos">
          Anexos <small class="muted">(opcional: prints PNG/JPG ou PDF, até 5 MB cada, no máximo {MAX_ATTACHMENTS_PER_MESSAGE})</small>
          <input id="f-anexos" type="file" name="anexos" multiple accept=".png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf" />
        </label>
        <p class="small muted">
          Em caso de lentidão, verifique antes a sua conexão com a internet. Para o suporte ver sua base, a gestora pode liberar o{' '}
          <strong>Acesso suporte</strong> (menu do perfil) — o prontuário eletrônico nunca fica visível para o suporte.
        </p>
        <button type="submit">Abrir chamado</button>
      </form>
    </>
  );
}
