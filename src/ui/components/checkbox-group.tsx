import { describedBy, fieldId, optionId } from '../ids.js';
import { ChoiceItem } from './choice-item.js';
import { FieldsetFrame } from './field-frame.js';
import type { ChoiceOption, FieldBaseProps } from './types.js';

export interface CheckboxGroupProps extends FieldBaseProps {
  options: ChoiceOption[];
  /** The checked values. */
  values?: readonly string[];
  inline?: boolean;
}

/** Several checkboxes sharing one name, in a fieldset; ids as in RadioGroup. */
export function CheckboxGroup(props: CheckboxGroupProps) {
  const { name, label, required, hint, error, locale = 'ja', options, values = [] } = props;
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
            kind="checkbox"
            id={optionId(id, i)}
            name={name}
            value={o.value}
            label={o.label}
            hint={o.hint}
            checked={values.includes(o.value)}
            invalid={Boolean(error)}
          />
        ))}
      </div>
    </FieldsetFrame>
  );
}
