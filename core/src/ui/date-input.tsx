import { asDateInputValue } from './calendar-date.ts';

/**
 * The one date field of the app: a text input for "dd/mm/aaaa" (never the browser's own date picker,
 * which shows the date in the browser's locale, e.g. 11/03/2026 for 3 November). Read it with
 * `parseCalendarDate`.
 */
export function DateInput(props: {
  name: string;
  value?: string | undefined;
  id?: string | undefined;
  required?: boolean;
  'aria-label'?: string;
  'aria-describedby'?: string | undefined;
  'aria-invalid'?: 'true' | undefined;
}) {
  return (
    <input
      type="text"
      id={props.id}
      name={props.name}
      value={asDateInputValue(props.value ?? '')}
      placeholder="dd/mm/aaaa"
      inputmode="numeric"
      maxlength={10}
      pattern="\d{1,2}/\d{1,2}/\d{4}"
      autocomplete="off"
      class="date-input"
      required={props.required}
      aria-label={props['aria-label']}
      aria-describedby={props['aria-describedby']}
      aria-invalid={props['aria-invalid']}
      data-date-input=""
    />
  );
}
