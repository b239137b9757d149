import { fieldId } from '../ids.js';
import { uiMessages } from '../messages.js';
import type { Locale } from './types.js';

export interface SummaryError {
  /** The field name (dotted path) as given to the field component. */
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly SummaryError[];
  locale?: Locale;
  /** Custom title; defaults to 「入力内容を確認してください（n件のエラーがあります）」. */
  title?: string;
}

/**
 * Error summary shown at the top of a form page after a failed submission. It takes focus on load
 * (`autofocus`, and app.js as a fallback) and links each message to its field's id.
 */
export function ErrorSummary({ errors, locale = 'ja', title }: ErrorSummaryProps) {
  if (errors.length === 0) return null;
  const titleId = 'error-summary-title';
  return (
    <div class="dads-error-summary" data-error-summary="" tabindex={-1} autofocus aria-labelledby={titleId}>
      <div role="alert">
        <h2 id={titleId} class="dads-error-summary__title">
          {title ?? uiMessages(locale, 'errorSummaryTitle', { count: errors.length })}
        </h2>
        <ul class="dads-error-summary__list">
          {errors.map((e) => (
            <li>
              <a class="dads-error-summary__link" href={`#${fieldId(e.field)}`}>
                {e.message}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** The first message for a field, for passing to its `error` prop. */
export function errorFor(errors: readonly SummaryError[] | undefined, field: string): string | undefined {
  return errors?.find((e) => e.field === field)?.message;
}
