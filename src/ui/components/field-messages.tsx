import { errorId, hasContent, hintId } from '../ids.js';
import { uiMessages } from '../messages.js';
import type { Child, Locale } from './types.js';
import { VisuallyHidden } from './visually-hidden.js';

/** Support text with the id that controls reference through aria-describedby. */
export function FieldHint({ id, children }: { id: string; children?: Child }) {
  if (!hasContent(children)) return null;
  return (
    <p id={hintId(id)} class="dads-form-control-label__support-text">
      {children}
    </p>
  );
}

/** Error text, prefixed with a visually hidden 「エラー：」 for screen reader users. */
export function FieldError({ id, message, locale = 'ja' }: { id: string; message?: string; locale?: Locale }) {
  if (!hasContent(message)) return null;
  return (
    <p id={errorId(id)} class="dads-form-control-label__error-text">
      <VisuallyHidden>{uiMessages(locale, 'errorPrefix')}</VisuallyHidden>
      {message}
    </p>
  );
}
