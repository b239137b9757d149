import { describedBy, fieldId } from '../ids.js';
import { ChoiceItem } from './choice-item.js';
import { FieldError, FieldHint } from './field-messages.js';
import { RequirementBadge } from './requirement-badge.js';
import type { FieldBaseProps } from './types.js';

export interface CheckboxProps extends FieldBaseProps {
  /** Submitted value when checked. Default 'true'. */
  value?: string;
  checked?: boolean;
}

/** A single stand-alone checkbox, e.g. agreeing to terms; the label is the checkbox's own text. */
export function Checkbox(props: CheckboxProps) {
  const { name, label, required, hint, error, locale = 'ja', value = 'true', checked } = props;
  const id = fieldId(name);
  return (
    <div class="dads-form-control-label" data-size="md" data-invalid={error ? 'true' : undefined}>
      <FieldHint id={id}>{hint}</FieldHint>
      <ChoiceItem
        kind="checkbox"
        id={id}
        name={name}
        value={value}
        label={label}
        checked={checked}
        invalid={Boolean(error)}
        required={required}
        describedBy={describedBy(id, { error, hint })}
        after={<RequirementBadge required={required} locale={locale} />}
      />
      <FieldError id={id} message={error} locale={locale} />
    </div>
  );
}
