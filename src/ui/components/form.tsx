import { newSubmissionKey, SUBMISSION_KEY_FIELD } from '../../platform/forms/field.js';
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

/** A form; a POST form carries its CSRF token and a one-time submission key (`_once`, see platform/http/form-action.ts). */
export function Form({ action, method = 'post', csrfToken, enctype, novalidate = true, id, label, children }: FormProps) {
  return (
    <form class="app-form" action={action} method={method} enctype={enctype} novalidate={novalidate} id={id} aria-label={label}>
      {csrfToken !== undefined && method === 'post' && <CsrfInput token={csrfToken} />}
      {csrfToken !== undefined && method === 'post' && <input type="hidden" name={SUBMISSION_KEY_FIELD} value={newSubmissionKey()} />}
      {children}
    </form>
  );
}
