import { uiMessages } from '../messages.js';
import { TextField } from './text-field.js';
import type { FieldBaseProps } from './types.js';

export interface DateFieldProps extends FieldBaseProps {
  /** ISO date `YYYY-MM-DD`. */
  value?: string;
  min?: string;
  max?: string;
  autocomplete?: string;
}

/**
 * Date input: native `<input type="date">`, whose value is always `YYYY-MM-DD`. Where a browser
 * shows it as plain text, the default hint explains that format.
 */
export function DateField(props: DateFieldProps) {
  const locale = props.locale ?? 'ja';
  return (
    <TextField
      {...props}
      type="date"
      width="sm"
      hint={props.hint ?? uiMessages(locale, 'dateHint')}
    />
  );
}
