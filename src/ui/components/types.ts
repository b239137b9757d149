import type { Child } from 'hono/jsx';
import type { Locale } from '../../platform/i18n/index.js';

export type { Child, Locale };

/** Props every form field shares. The element id is always derived from `name` (see ../ids.ts). */
export interface FieldBaseProps {
  name: string;
  label: Child;
  required?: boolean;
  /** Support text shown under the label and announced with the control. */
  hint?: Child;
  /** Error message (plain text); marks the control invalid when present. */
  error?: string;
  locale?: Locale;
}

export interface ChoiceOption {
  value: string;
  label: Child;
  /** Optional support text for this one option. */
  hint?: Child;
}
