import { formatDateTime } from '@painel/core/module';
import type { DurationKey } from '../grants/durations.ts';
import { grantDurations } from '../grants/durations.ts';
import type { GrantRow } from '../grants/grant-queries.ts';
import { m } from '../messages.ts';

export interface GrantFormValues {
  duration: string;
  reason: string;
}

export interface GrantFormErrors {
  duration?: string | undefined;
  reason?: string | undefined;
  mode?: string | undefined;
}

/** The five durations as radio buttons (no other value exists; the server refuses anything else). */
export function DurationRadios(props: { name: string; selected: string; error?: string | undefined; idPrefix: string; legend: string }) {
  const errorId = `${props.idPrefix}-duration-error`;
  return (
    <fieldset class="sa-durations" aria-invalid={props.error ? 'true' : undefined} aria-describedby={props.error ? errorId : undefined}>
      <legend>{props.legend}</legend>
      <div class="sa-duration-options">
        {grantDurations.map((d) => (
          <label for={`${props.idPrefix}-${d.key}`} class="sa-duration">
            <input
              type="radio"
              id={`${props.idPrefix}-${d.key}`}
              name={props.name}
              value={d.key}
              checked={props.selected === d.key}
              required
            />
            <span>{d.label}</span>
          </label>
        ))}
      </div>
      {props.error && (
        <small id={errorId} class="field-error">
          {props.error}
        </small>
      )}
    </fieldset>
  );
}

/**
 * Grant form. Without an active grant: "Conceder acesso". With one: the same choices plus two buttons,
 * "Prorrogar" (end + duration, at most now + 7 days) and "Substituir" (now + duration).
 */
export function GrantForm(props: {
  active: GrantRow | null;
  values: GrantFormValues;
  errors: GrantFormErrors;
  /** True after a plain "Conceder" met an active grant: explain the choice prominently. */
  asking: boolean;
}) {
  const { active, values, errors } = props;
  const defaultDuration: DurationKey = '1h';
  return (
    <section class="card" id="conceder" aria-labelledby="grant-form-title">
      <h2 id="grant-form-title" class="sa-card-title">
        {active ? m('grant.form.titleActive') : m('grant.form.title')}
      </h2>
      {active && (
        <p class={props.asking ? 'flash flash-info' : 'muted'} role={props.asking ? 'status' : undefined} data-testid="grant-choice">
          {m('grant.form.choice', { end: formatDateTime(active.endsAt) })}
        </p>
      )}
      <form method="post" action="/acesso-suporte/conceder" novalidate>
        {active && <input type="hidden" name="acesso" value={String(active.id)} />}
        <DurationRadios
          name="duracao"
          selected={values.duration || defaultDuration}
          error={errors.duration}
          idPrefix="grant"
          legend={m('grant.form.duration')}
        />
        <small class="muted sa-hint">{m('grant.form.durationHint')}</small>
        <label for="grant-reason">
          {m('grant.form.reason')}
          <input
            id="grant-reason"
            name="motivo"
            type="text"
            maxlength={200}
            value={values.reason}
            aria-invalid={errors.reason ? 'true' : undefined}
            aria-describedby={errors.reason ? 'grant-reason-error' : 'grant-reason-hint'}
          />
          <small id="grant-reason-hint">{m('grant.form.reasonHint')}</small>
          {errors.reason && (
            <small id="grant-reason-error" class="field-error">
              {errors.reason}
            </small>
          )}
        </label>
        {active ? (
          <>
            <div class="sa-buttons">
              <button type="submit" name="modo" value="prorrogar">
                {m('grant.form.extend')}
              </button>
              <button type="submit" name="modo" value="substituir" class="secondary">
                {m('grant.form.replace')}
              </button>
            </div>
            <small class="muted">{m('grant.form.choiceHint')}</small>
          </>
        ) : (
          <button type="submit">{m('grant.form.submit')}</button>
        )}
      </form>
    </section>
  );
}
