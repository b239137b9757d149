import { describedBy, fieldId } from '../ids.js';
import { FieldFrame } from './field-frame.js';
import type { FieldBaseProps } from './types.js';

export interface TextAreaProps extends FieldBaseProps {
  value?: string;
  rows?: number;
  maxLength?: number;
  autocomplete?: string;
  lang?: string;
}

/** Multi-line text input. */
export function TextArea(props: TextAreaProps) {
  const { name, label, required, hint, error, locale = 'ja', value, rows = 5 } = props;
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} locale={locale}>
      <textarea
        class="dads-textarea__textarea"
        id={id}
        name={name}
        rows={rows}
        maxlength={props.maxLength}
        autocomplete={props.autocomplete}
        lang={props.lang}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, { error, hint })}
      >
        {value ?? ''}
      </textarea>
    </FieldFrame>
  );
}
