import { uiMessages } from '../messages.js';
import { Button } from './button.js';
import { Form } from './form.js';
import type { Child, Locale } from './types.js';

export interface ConfirmFormProps {
  action: string;
  csrfToken: string;
  submitLabel: string;
  cancelHref: string;
  cancelLabel?: string;
  /** Optional heading above the content (h2; the page h1 comes from the layout). */
  heading?: Child;
  /** Red button for destructive actions. */
  danger?: boolean;
  locale?: Locale;
  /** What is being confirmed, e.g. a DescriptionList of the entered values. */
  children?: Child;
}

/** Confirmation step: the summary, then a POST button and a cancel link. */
export function ConfirmForm(props: ConfirmFormProps) {
  const locale = props.locale ?? 'ja';
  return (
    <Form action={props.action} csrfToken={props.csrfToken}>
      {props.heading !== undefined && <h2 class="app-confirm__heading">{props.heading}</h2>}
      {props.children}
      <div class="app-button-row">
        <Button variant={props.danger ? 'danger' : 'primary'}>{props.submitLabel}</Button>
        <a class="app-link" href={props.cancelHref}>
          {props.cancelLabel ?? uiMessages(locale, 'cancel')}
        </a>
      </div>
    </Form>
  );
}
