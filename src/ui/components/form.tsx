import { CsrfInput } from './csrf-input.js';
import type { Child } from './types.js';

export interface FormProps {
  action: string;
  method?: 'post' | 'get';
  csrfToken?: string;
  enctype?: 'application/x-www-form-urlencoded' | 'multipart/form-data';
  /** Browser validation is off by default so server-side messages are shown consistently. */
  novalidate?: boolean;
  id?: string;
  /** Accessible name, turning the form into a landmark (use for search forms and the like). */
  label?: string;
  children?: Child;
}

export function Form({ action, method = 'post', csrfToken, enctype, novalidate = true, id, label, children }: FormProps) {
  return (
    <form class="app-form" action={action} method={method} enctype={enctype} novalidate={novalidate} id={id} aria-label={label}>
      {csrfToken !== undefined && method === 'post' && <CsrfInput token={csrfToken} />}
      {children}
    </form>
  );
}
