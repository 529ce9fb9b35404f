/** Small UI pieces shared by the singulares, bases and import screens. */
import { fieldHelp, formatNumber, plural } from '@painel/core/module';
import type { Child } from 'hono/jsx';

export interface SelectOption {
  value: string;
  label: string;
}

/** A labelled select with its error message (aria-invalid + aria-describedby), like core's Field. */
export function SelectField(props: {
  label: string;
  name: string;
  value: string | null | undefined;
  options: SelectOption[];
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  emptyLabel?: string;
}) {
  const id = `f-${props.name}`;
  const { describedBy, help } = fieldHelp(id, props.hint, props.error);
  return (
    <label for={id}>
      {props.label}
      {props.required && <span aria-hidden="true"> *</span>}
      <select
        id={id}
        name={props.name}
        required={props.required}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((o) => (
          <option value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
      {help}
    </label>
  );
}

/**
 * "Página 3 de 40" with first/previous/next/last links. With `htmxTarget`, the links also carry
 * hx-get/hx-target/hx-swap/hx-push-url so only the results are swapped (plain links without JavaScript).
 */
export function PageNav(props: { page: number; pageCount: number; href: (page: number) => string; htmxTarget?: string }) {
  if (props.pageCount <= 1) return null;
  const link = (page: number, label: string, rel: string) => (
    <a
      href={props.href(page)}
      rel={rel}
      hx-get={props.htmxTarget ? props.href(page) : undefined}
      hx-target={props.htmxTarget}
      hx-swap={props.htmxTarget ? 'outerHTML' : undefined}
      hx-push-url={props.htmxTarget ? 'true' : undefined}
    >
      {label}
    </a>
  );
  const { page, pageCount } = props;
  return (
    <nav class="pagination page-nav" aria-label="Paginação">
      <span class="page-nav-side">
        {page > 1 && link(1, '« Primeira', 'first')}
        {page > 1 && link(page - 1, '‹ Anterior', 'prev')}
      </span>
      <span class="muted" data-testid="page-position">
        Página {formatNumber(page)} de {formatNumber(pageCount)}
      </span>
      <span class="page-nav-side page-nav-end">
        {page < pageCount && link(page + 1, 'Próxima ›', 'next')}
        {page < pageCount && link(pageCount, 'Última »', 'last')}
      </span>
    </nav>
  );
}

/** A white card with an optional heading. */
export function Card(props: { title?: string; children: Child; class?: string }) {
  return (
    <section class={`card${props.class ? ` ${props.class}` : ''}`}>
      {props.title && <h2 class="card-title">{props.title}</h2>}
      {props.children}
    </section>
  );
}

/** "1 base", "1.234 bases", "nenhuma base". */
export function countLabel(n: number, one: string, many: string, none: string): string {
  if (n === 0) return none;
  return plural(n, { one, other: many });
}

/** A text field of a parsed form body ('' for files or missing fields). */
export function formText(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  return typeof value === 'string' ? value : '';
}

/** Builds "/path?a=1&b=2", leaving out empty values. */
export function urlWith(path: string, params: Record<string, string | number | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The Editar and Desativar/Reativar buttons of a list row; `href` is the record's page. */
export function RowActions(props: { href: string; name: string; active: boolean }) {
  return (
    <div class="actions-cell">
      <a href={props.href} role="button" class="secondary outline" aria-label={`Editar ${props.name}`}>
        Editar
      </a>
      {props.active ? (
        <a href={`${props.href}/desativar`} role="button" class="secondary outline" aria-label={`Desativar ${props.name}`}>
          Desativar
        </a>
      ) : (
        <a href={`${props.href}/reativar`} role="button" class="outline" aria-label={`Reativar ${props.name}`}>
          Reativar
        </a>
      )}
    </div>
  );
}

/** The full-width "Desativar …" / "Reativar …" button of an edit page (`noun`: "base", "singular"). */
export function StatusToggleButton(props: { href: string; noun: string; active: boolean }) {
  return props.active ? (
    <a href={`${props.href}/desativar`} role="button" class="secondary outline full">
      Desativar {props.noun}
    </a>
  ) : (
    <a href={`${props.href}/reativar`} role="button" class="outline full">
      Reativar {props.noun}
    </a>
  );
}
