import type { Child } from 'hono/jsx';
import { t } from './messages.ts';

export function PageHeader(props: { title: string; subtitle?: Child; actions?: Child }) {
  return (
    <div class="page-header">
      <div>
        <h1>{props.title}</h1>
        {props.subtitle && <p class="muted">{props.subtitle}</p>}
      </div>
      {props.actions && <div class="page-actions">{props.actions}</div>}
    </div>
  );
}

/**
 * The hint and error under a form control, and the `aria-describedby` value pointing at them
 * (shared by inputs, selects and textareas).
 */
export function fieldHelp(id: string, hint: string | undefined, error: string | undefined): { describedBy: string | undefined; help: Child } {
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return {
    describedBy: describedBy || undefined,
    help: (
      <>
        {hint && <small id={`${id}-hint`}>{hint}</small>}
        {error && (
          <small id={`${id}-error`} class="field-error">
            {error}
          </small>
        )}
      </>
    ),
  };
}

/** A labelled input with its error message (aria-invalid + aria-describedby). */
export function Field(props: {
  label: string;
  name: string;
  value?: string | number | null | undefined;
  type?: string;
  error?: string | undefined;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
  placeholder?: string;
}) {
  const id = `f-${props.name}`;
  const { describedBy, help } = fieldHelp(id, props.hint, props.error);
  return (
    <label for={id}>
      {props.label}
      {props.required && <span aria-hidden="true"> *</span>}
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.value ?? ''}
        required={props.required}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode as 'numeric' | undefined}
        maxlength={props.maxlength}
        placeholder={props.placeholder}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      />
      {help}
    </label>
  );
}

export function ErrorSummary(props: { errors: string[] }) {
  if (props.errors.length === 0) return null;
  return (
    <div class="flash flash-error" role="alert">
      {props.errors.length === 1 ? (
        props.errors[0]
      ) : (
        <>
          <strong>Corrija os itens abaixo:</strong>
          <ul>
            {props.errors.map((e) => (
              <li>{e}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function StatusBadge(props: { active: boolean; labels?: [string, string] }) {
  const [on, off] = props.labels ?? [t('common.active'), t('common.inactive')];
  return <span class={`badge ${props.active ? 'badge-ok' : 'badge-muted'}`}>{props.active ? on : off}</span>;
}

/** Previous/next links keeping the other query parameters. */
export function Pagination(props: { page: number; hasNext: boolean; makeHref: (page: number) => string; total?: string }) {
  if (props.page <= 1 && !props.hasNext) return props.total ? <p class="muted">{props.total}</p> : null;
  return (
    <nav class="pagination" aria-label="Paginação">
      {props.page > 1 ? <a href={props.makeHref(props.page - 1)}>← {t('common.previous')}</a> : <span />}
      <span class="muted">
        Página {props.page}
        {props.total ? ` · ${props.total}` : ''}
      </span>
      {props.hasNext ? <a href={props.makeHref(props.page + 1)}>{t('common.next')} →</a> : <span />}
    </nav>
  );
}

export function EmptyState(props: { children: Child }) {
  return <p class="empty-state">{props.children}</p>;
}
