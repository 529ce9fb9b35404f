/**
 * Small inline SVG icons (no emoji: clinic computers often lack an emoji font, and 🔒 would show as
 * an empty box). Decorative unless given a label.
 */
const paths = {
  lock: 'M7 10V7a5 5 0 0 1 10 0v3h1a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-9a1 1 0 0 1 1-1Zm2 0h6V7a3 3 0 0 0-6 0Zm3 4a1.5 1.5 0 0 0-.75 2.8V18h1.5v-1.2A1.5 1.5 0 0 0 12 14Z',
  check: 'M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6 11-11-1.4-1.4Z',
  play: 'M8 5.5v13a.5.5 0 0 0 .76.43l10.4-6.5a.5.5 0 0 0 0-.86L8.76 5.07A.5.5 0 0 0 8 5.5Z',
  article: 'M6 2h9l5 5v14a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1Zm8 1.5V8h4.5ZM8 12v1.5h8V12Zm0 3.5V17h8v-1.5Zm0-7V10h4V8.5Z',
  calendar: 'M7 2v2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2h-2V2h-2v2H9V2Zm-2 7h14v11H5Zm2 2v2h2v-2Zm4 0v2h2v-2Zm4 0v2h2v-2Z',
  party: 'M12 2 9.5 8.5 3 9.3l4.9 4.4L6.6 20 12 16.8 17.4 20l-1.3-6.3L21 9.3l-6.5-.8Z',
} as const;

export type IconName = keyof typeof paths;

export function Icon(props: { name: IconName; label?: string; class?: string }) {
  return (
    <svg
      class={`icon icon-${props.name}${props.class ? ` ${props.class}` : ''}`}
      viewBox="0 0 24 24"
      width="16"
      height="16"
      fill="currentColor"
      aria-hidden={props.label ? undefined : 'true'}
      role={props.label ? 'img' : undefined}
      aria-label={props.label}
      focusable="false"
    >
      <path d={paths[props.name]} />
    </svg>
  );
}
