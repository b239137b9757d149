import { describedBy, fieldId } from '../ids.js';
import { FieldFrame } from './field-frame.js';
import type { FieldBaseProps } from './types.js';

export type FieldWidth = 'sm' | 'md' | 'lg' | 'full';

export interface TextFieldProps extends FieldBaseProps {
  value?: string | number;
  type?: 'text' | 'email' | 'tel' | 'url' | 'password' | 'number' | 'date';
  autocomplete?: string;
  inputmode?: 'none' | 'text' | 'tel' | 'url' | 'email' | 'numeric' | 'decimal' | 'search';
  maxLength?: number;
  /** Visual width hint: sm ≈ 8 characters, md ≈ 20, lg ≈ 40, full = the container. Default md. */
  width?: FieldWidth;
  /** Language of the expected input when it differs from the page (e.g. 'en' for romaji names). */
  lang?: string;
  min?: string | number;
  max?: string | number;
  step?: string | number;
  spellcheck?: boolean;
}

/** Single-line text input in the DADS input-text markup. */
export function TextField(props: TextFieldProps) {
  const { name, label, required, hint, error, locale = 'ja', value, type = 'text', width = 'md' } = props;
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} locale={locale}>
      <input
        class="dads-input-text__input"
        data-width={width}
        id={id}
        name={name}
        type={type}
        value={value === undefined ? undefined : String(value)}
        autocomplete={props.autocomplete}
        inputmode={props.inputmode}
        maxlength={props.maxLength}
        lang={props.lang}
        min={props.min === undefined ? undefined : String(props.min)}
        max={props.max === undefined ? undefined : String(props.max)}
        step={props.step === undefined ? undefined : String(props.step)}
        spellcheck={props.spellcheck}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, { error, hint })}
      />
    </FieldFrame>
  );
}
