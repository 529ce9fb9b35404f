import type { AreaClinic } from './area-clinic.ts';
import { pickerLimit } from './area-clinic-search.ts';

export interface BasePickerOptionsProps {
  /** Field name of the chosen base(s). */
  name: string;
  multiple: boolean;
  selected: AreaClinic[];
  results: AreaClinic[];
  q: string;
}

/** The choosable bases: the chosen ones first (checked), then the search results. */
export function BasePickerOptions(props: BasePickerOptionsProps) {
  const chosen = new Set(props.selected.map((b) => b.id));
  const extra = props.results.slice(0, pickerLimit).filter((b) => !chosen.has(b.id));
  const type = props.multiple ? 'checkbox' : 'radio';
  const all = [...props.selected.map((b) => ({ b, checked: true })), ...extra.map((b) => ({ b, checked: false }))];
  return (
    <div id="base-options" class="ua-base-options" data-testid="base-options">
      {all.length === 0 ? (
        <p class="muted small">{props.q ? `Nenhuma base ativa encontrada para “${props.q}”.` : 'Busque pelo nome ou pelo id da base.'}</p>
      ) : (
        <ul>
          {all.map(({ b, checked }) => (
            <li>
              <label>
                <input type={type} name={props.name} value={String(b.id)} checked={checked} />
                {b.name} <span class="muted mono">· id {b.id}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {props.results.length > pickerLimit && (
        <p class="muted small">Mostrando as primeiras {pickerLimit} bases; refine a busca para encontrar outras.</p>
      )}
    </div>
  );
}

/**
 * Base search inside a form. Without JavaScript the "Buscar" button reloads the page (GET) with every
 * field kept; with htmx the list updates while typing.
 */
export function BasePicker(
  props: BasePickerOptionsProps & {
    legend: string;
    fallbackAction: string;
    hint?: string;
    error?: string | undefined;
    /** Giving this user another base: the search leaves out the bases the user already has. */
    forUser?: number;
  },
) {
  return (
    <fieldset class="ua-base-picker">
      <legend>{props.legend}</legend>
      {props.hint && <small class="muted">{props.hint}</small>}
      <div class="ua-base-search" role="search">
        <input
          type="search"
          name="buscaBase"
          value={props.q}
          placeholder="Nome ou id da base"
          aria-label="Buscar base pelo nome ou id"
          hx-get={`/usuarios/bases?campo=${props.name}&multiplas=${props.multiple ? '1' : '0'}${props.forUser === undefined ? '' : `&usuario=${props.forUser}`}`}
          hx-trigger="input changed delay:300ms, search"
          hx-target="#base-options"
          hx-swap="outerHTML"
          hx-include="closest form"
          hx-sync="this:replace"
        />
        <button type="submit" class="secondary outline" formaction={props.fallbackAction} formmethod="get" formnovalidate>
          Buscar
        </button>
      </div>
      <BasePickerOptions {...props} />
      {props.error && <small class="field-error">{props.error}</small>}
    </fieldset>
  );
}
