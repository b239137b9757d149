import type { Child } from './types.js';

/** Text for assistive technology only (kept in the accessibility tree, hidden visually). */
export function VisuallyHidden({ children }: { children?: Child }) {
  return <span class="visually-hidden">{children}</span>;
}
