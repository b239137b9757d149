import { ChoiceGroup } from './choice-group.js';
import type { ChoiceOption, FieldBaseProps } from './types.js';

export interface CheckboxGroupProps extends FieldBaseProps {
  options: ChoiceOption[];
  /** The checked values. */
  values?: readonly string[];
  inline?: boolean;
}

/** Several checkboxes sharing one name, in a fieldset (see ChoiceGroup). */
export function CheckboxGroup({ values = [], ...props }: CheckboxGroupProps) {
  return <ChoiceGroup kind="checkbox" {...props} isChecked={(v) => values.includes(v)} />;
}
