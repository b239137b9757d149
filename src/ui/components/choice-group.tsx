import { describedBy, fieldId, optionId } from '../ids.js';
import { ChoiceItem } from './choice-item.js';
import { FieldsetFrame } from './field-frame.js';
import type { ChoiceOption, FieldBaseProps } from './types.js';

export interface ChoiceGroupProps extends FieldBaseProps {
  kind: 'radio' | 'checkbox';
  options: ChoiceOption[];
  isChecked: (value: string) => boolean;
  inline?: boolean;
}

/**
 * Radio buttons or checkboxes in a fieldset whose legend carries the label and badge. The first
 * input has the field id (the error summary links to it); the others `${id}-2`, `${id}-3`…
 */
export function ChoiceGroup(props: ChoiceGroupProps) {
  const { name, label, required, hint, error, locale = 'ja', options } = props;
  const id = fieldId(name);
  return (
    <FieldsetFrame id={id} label={label} required={required} hint={hint} error={error} locale={locale} describedBy={describedBy(id, { error, hint })}>
      <div class="dads-choice-list" data-inline={props.inline ? 'true' : undefined}>
        {options.map((o, i) => (
          <ChoiceItem
            kind={props.kind}
            id={optionId(id, i)}
            name={name}
            value={o.value}
            label={o.label}
            hint={o.hint}
            checked={props.isChecked(o.value)}
            invalid={Boolean(error)}
          />
        ))}
      </div>
    </FieldsetFrame>
  );
}
