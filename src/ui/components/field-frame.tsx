import { FieldError, FieldHint } from './field-messages.js';
import { RequirementBadge } from './requirement-badge.js';
import type { Child, Locale } from './types.js';

interface FrameProps {
  id: string;
  label: Child;
  required?: boolean;
  hint?: Child;
  error?: string;
  locale?: Locale;
  children?: Child;
}

/**
 * DADS form control label layout for a single control: label (with badge), support text, the
 * control, then the error text.
 */
export function FieldFrame({ id, label, required, hint, error, locale = 'ja', children }: FrameProps) {
  return (
    <div class="dads-form-control-label" data-size="md" data-invalid={error ? 'true' : undefined}>
      <label class="dads-form-control-label__label" for={id}>
        <span class="dads-form-control-label__text">{label}</span>
        <RequirementBadge required={required} locale={locale} />
      </label>
      <FieldHint id={id}>{hint}</FieldHint>
      {children}
      <FieldError id={id} message={error} locale={locale} />
    </div>
  );
}

interface FieldsetFrameProps extends Omit<FrameProps, 'id'> {
  id: string;
  describedBy?: string;
}

/** The same layout for a group of radios or checkboxes: a fieldset whose legend is the label. */
export function FieldsetFrame({ id, label, required, hint, error, locale = 'ja', describedBy, children }: FieldsetFrameProps) {
  return (
    <fieldset
      class="dads-form-control-label"
      data-size="md"
      data-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy}
      id={`${id}-fieldset`}
    >
      <legend class="dads-form-control-label__label">
        <span class="dads-form-control-label__text">{label}</span>
        <RequirementBadge required={required} locale={locale} />
      </legend>
      <FieldHint id={id}>{hint}</FieldHint>
      <FieldError id={id} message={error} locale={locale} />
      {children}
    </fieldset>
  );
}
