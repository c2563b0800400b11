/**
 * The few status icons the pane shows beside its pass/fail and error/warning badges, drawn inline (no icon
 * library in the first render). They are decorative: the badge's text says the same.
 */
const ICON_PATHS = {
  pass: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm3.1 4.4L7 9.5 4.9 7.4l-.8.8L7 11.1l4.9-4.9-.8-.8Z",
  fail: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm2.5 3.7L8 7.2 5.5 4.7l-.8.8L7.2 8l-2.5 2.5.8.8L8 8.8l2.5 2.5.8-.8L8.8 8l2.5-2.5-.8-.8Z",
  warning: "M8 1.5 15 14H1L8 1.5Zm-.6 4.5v4h1.2V6H7.4Zm0 5v1.2h1.2V11H7.4Z",
  info: "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1Zm-.6 6v5h1.2V7H7.4Zm0-3v1.2h1.2V4H7.4Z",
} as const;

export type IconName = keyof typeof ICON_PATHS;

export function StatusIcon({ name }: { readonly name: IconName }) {
  return (
    <svg
      width="12"
      height="12"
      viewBox="0 0 16 16"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
    >
      <path d={ICON_PATHS[name]} fillRule="evenodd" />
    </svg>
  );
}
