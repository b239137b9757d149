import { describedBy, fieldId } from '../ids.js';
import { uiMessages } from '../messages.js';
import { FieldFrame } from './field-frame.js';
import type { FieldBaseProps } from './types.js';

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends FieldBaseProps {
  options: SelectOption[];
  value?: string;
  /** Text of the leading empty option; `false` for none. Defaults to 「選択してください」. */
  emptyOption?: string | false;
  autocomplete?: string;
  width?: 'sm' | 'md' | 'lg' | 'full';
}

/** Drop-down list (native `<select>`). */
export function SelectField(props: SelectFieldProps) {
  const { name, label, required, hint, error, locale = 'ja', options, value, width = 'md' } = props;
  const id = fieldId(name);
  const empty = props.emptyOption === undefined ? uiMessages(locale, 'selectPlaceholder') : props.emptyOption;
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} locale={locale}>
      <span class="dads-select" data-width={width}>
        <select
          class="dads-select__select"
          id={id}
          name={name}
          autocomplete={props.autocomplete}
          aria-required={required ? 'true' : undefined}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(id, { error, hint })}
        >
          {empty !== false && (
            <option value="" selected={value === undefined || value === ''}>
              {empty}
            </option>
          )}
          {options.map((o) => (
            <option value={o.value} selected={o.value === value}>
              {o.label}
            </option>
          ))}
        </select>
      </span>
    </FieldFrame>
  );
}
