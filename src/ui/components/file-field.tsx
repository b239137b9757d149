import { describedBy, fieldId } from '../ids.js';
import { FieldFrame } from './field-frame.js';
import type { FieldBaseProps } from './types.js';

export interface FileFieldProps extends FieldBaseProps {
  /** e.g. `.pdf,.jpg,image/png` */
  accept?: string;
  multiple?: boolean;
}

/** File upload (native `<input type="file">`); the surrounding Form needs enctype multipart/form-data. */
export function FileField(props: FileFieldProps) {
  const { name, label, required, hint, error, locale = 'ja' } = props;
  const id = fieldId(name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} locale={locale}>
      <input
        class="dads-file-upload__input"
        id={id}
        name={name}
        type="file"
        accept={props.accept}
        multiple={props.multiple}
        aria-required={required ? 'true' : undefined}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, { error, hint })}
      />
    </FieldFrame>
  );
}
