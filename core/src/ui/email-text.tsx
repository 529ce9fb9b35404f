/**
 * An e-mail address that may wrap in a narrow column, but only before "@" and after dots
 * ("carla.gestora" / "@clinica" / ".com.br"), never in the middle of a word.
 */
export function EmailText(props: { email: string }) {
  const parts = props.email.split(/(?=@)|(?<=\.)/u);
  return (
    <span class="email-text">
      {parts.map((part, i) => (
        <>
          {i > 0 && <wbr />}
          {part}
        </>
      ))}
    </span>
  );
}
