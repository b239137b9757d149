import { describedBy, fieldId, optionId } from '../ids.js';
import { ChoiceItem } from './choice-item.js';
import { FieldsetFrame } from './field-frame.js';
import type { ChoiceOption, FieldBaseProps } from './types.js';

export interface RadioGroupProps extends FieldBaseProps {
  options: ChoiceOption[];
  value?: string;
  /** Lay short options out side by side. */
  inline?: boolean;
}

/**
 * Radio buttons in a fieldset whose legend carries the label and badge. The first radio has the
 * field id (the error summary links to it); the others `${id}-2`, `${id}-3`…
 */
export function RadioGroup(props: RadioGroupProps) {
  const { name, label, required, hint, error, locale = 'ja', options, value } = props;
  const id = fieldId(name);
  return (
    <FieldsetFrame
      id={id}
      label={label}
      required={required}
      hint={hint}
      error={error}
      locale={locale}
      describedBy={describedBy(id, { error, hint })}
    >
      <div class="dads-choice-list" data-inline={props.inline ? 'true' : undefined}>
        {options.map((o, i) => (
          <ChoiceItem
            kind="radio"
            id={optionId(id, i)}
            name={name}
            value={o.value}
            label={o.label}
            hint={o.hint}
            checked={o.value === value}
            invalid={Boolean(error)}
          />
        ))}
      </div>
    </FieldsetFrame>
  );
}
