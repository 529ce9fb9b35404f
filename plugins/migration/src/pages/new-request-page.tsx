import { DateInput, Field, fieldHelp, PageHeader } from '@painel/core/plugin';
import type { RequestFormValues } from '../domain/request-form.ts';
import { ENTITIES, ENTITY_KEYS, EXTRACTION_MODES, FORMAT_GROUPS } from '../domain/vocabulary.ts';

export interface BaseChoice {
  clinicId: number;
  name: string;
}

/** "Solicitar migração": everything the seed's e-mail asked for, with no title to get wrong. */
export function NewRequestPage(props: {
  /** The active base (gestor), or null when a singular's admin picks one of its bases. */
  base: BaseChoice | null;
  bases: BaseChoice[];
  systems: Array<{ id: number; name: string }>;
  values: RequestFormValues;
  errors: Record<string, string>;
}) {
  const v = props.values;
  const e = props.errors;
  const messages = Object.values(e);
  const err = (name: string) => e[name];
  return (
    <>
      <p class="small">
        <a href="/p/migration/solicitacoes">← Migração de dados</a>
      </p>
      <PageHeader
        title="Solicitar migração de dados"
        subtitle={
          props.base
            ? `Base ${props.base.name} · id da base ${props.base.clinicId} — a equipe de migração já saberá de qual base se trata.`
            : 'Escolha a base clínica: o nome e o id da base vão automaticamente para a equipe de migração.'
        }
      />
      {messages.length > 0 && (
        <div class="flash flash-error" role="alert" data-testid="form-errors">
          <strong>Corrija os itens abaixo (nada foi enviado):</strong>
          <ul>
            {messages.map((m) => (
              <li>{m}</li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action="/p/migration/solicitacoes" class="card form-card" data-testid="new-request-form" novalidate>
        {!props.base && (
          <label for="f-base">
            Base clínica *
            <select id="f-base" name="base" required aria-invalid={err('base') ? 'true' : undefined} aria-describedby={err('base') ? 'f-base-error' : undefined}>
              <option value="">Escolha…</option>
              {props.bases.map((b) => (
                <option value={String(b.clinicId)} selected={v.base === String(b.clinicId)}>
                  {b.name} (id {b.clinicId})
                </option>
              ))}
            </select>
            {fieldHelp('f-base', undefined, err('base')).help}
          </label>
        )}
        <h2 class="card-title">Sistema legado</h2>
        <div class="grid">
          <label for="f-sistema">
            Sistema legado *
            <select id="f-sistema" name="sistema" required aria-invalid={err('sistema') ? 'true' : undefined} aria-describedby={err('sistema') ? 'f-sistema-error' : undefined}>
              <option value="">Escolha…</option>
              {props.systems.map((s) => (
                <option value={String(s.id)} selected={v.sistema === String(s.id)}>
                  {s.name}
                </option>
              ))}
              <option value="outro" selected={v.sistema === 'outro'}>
                Outro (não está na lista)
              </option>
            </select>
            {fieldHelp('f-sistema', undefined, err('sistema')).help}
          </label>
          <Field label="Versão do sistema" name="versao" value={v.versao} required maxlength={40} error={err('versao')} />
        </div>
        <Field label="Nome do sistema, se for outro" name="sistemaOutro" value={v.sistemaOutro} maxlength={80} error={err('sistemaOutro')} />

        <h2 class="card-title">Disponibilidade para a extração</h2>
        <div class="grid">
          <label for="f-dataDisponivel">
            Data *
            <DateInput
              id="f-dataDisponivel"
              name="dataDisponivel"
              value={v.dataDisponivel}
              required
              aria-invalid={err('dataDisponivel') ? 'true' : undefined}
              aria-describedby={err('dataDisponivel') ? 'f-dataDisponivel-error' : undefined}
            />
            {fieldHelp('f-dataDisponivel', undefined, err('dataDisponivel')).help}
          </label>
          <Field label="Das (hora)" name="horaInicio" type="time" value={v.horaInicio} required error={err('horaInicio')} />
          <Field label="Até (hora)" name="horaFim" type="time" value={v.horaFim} required error={err('horaFim')} />
        </div>

        <h2 class="card-title">Contato da clínica</h2>
        <div class="grid">
          <Field label="Nome" name="contatoNome" value={v.contatoNome} required autocomplete="name" maxlength={120} error={err('contatoNome')} />
          <Field label="Telefone ou celular" name="contatoTelefone" type="tel" value={v.contatoTelefone} required autocomplete="tel" error={err('contatoTelefone')} />
          <Field label="E-mail" name="contatoEmail" type="email" value={v.contatoEmail} required autocomplete="email" error={err('contatoEmail')} />
        </div>
        <h2 class="card-title">Analista da singular que acompanhará</h2>
        <div class="grid">
          <Field label="Nome" name="analistaNome" value={v.analistaNome} required maxlength={120} error={err('analistaNome')} />
          <Field label="Telefone ou celular" name="analistaTelefone" type="tel" value={v.analistaTelefone} required error={err('analistaTelefone')} />
          <Field label="E-mail" name="analistaEmail" type="email" value={v.analistaEmail} required error={err('analistaEmail')} />
        </div>

        <fieldset aria-describedby={err('modoExtracao') ? 'err-modoExtracao' : undefined}>
          <legend>Quem fará a extração dos dados? *</legend>
          {Object.entries(EXTRACTION_MODES).map(([key, label]) => (
            <label>
              <input type="radio" name="modoExtracao" value={key} checked={v.modoExtracao === key} required aria-invalid={err('modoExtracao') ? 'true' : undefined} /> {label}
            </label>
          ))}
          {err('modoExtracao') && (
            <small id="err-modoExtracao" class="field-error">
              {err('modoExtracao')}
            </small>
          )}
        </fieldset>

        <fieldset aria-describedby={err('formatos') ? 'err-formatos' : undefined}>
          <legend>Formatos em que os dados serão enviados *</legend>
          {FORMAT_GROUPS.map((g) => (
            <p>
              <strong>{g.label}:</strong>{' '}
              {Object.entries(g.formats).map(([key, label]) => (
                <label class="mig-inline">
                  <input type="checkbox" name="formatos" value={key} checked={v.formatos.includes(key)} /> {label}
                </label>
              ))}
            </p>
          ))}
          <label class="mig-inline">
            <input type="checkbox" name="formatos" value="outro" checked={v.formatos.includes('outro')} /> Outro formato (passa por uma avaliação de viabilidade)
          </label>
          <Field label="Qual outro formato?" name="formatoOutro" value={v.formatoOutro} maxlength={120} error={err('formatoOutro')} />
          {err('formatos') && (
            <small id="err-formatos" class="field-error">
              {err('formatos')}
            </small>
          )}
        </fieldset>

        <fieldset aria-describedby={err('entidades') ? 'err-entidades' : 'hint-entidades'}>
          <legend>Informações a migrar *</legend>
          <small id="hint-entidades">Ao lado de cada uma, os campos mínimos que o backup precisa trazer.</small>
          {ENTITY_KEYS.map((key) => (
            <label class="mig-entity">
              <input type="checkbox" name="entidades" value={key} checked={v.entidades.includes(key)} />{' '}
              <span>
                <strong>{ENTITIES[key].label}</strong>
                <small class="muted"> — {ENTITIES[key].fields.join('; ')}</small>
              </span>
            </label>
          ))}
          {err('entidades') && (
            <small id="err-entidades" class="field-error">
              {err('entidades')}
            </small>
          )}
        </fieldset>
        <div class="form-actions">
          <button type="submit">Enviar solicitação</button>
          <a href="/p/migration/solicitacoes">Cancelar</a>
        </div>
      </form>
    </>
  );
}
