import { ChoiceGroup } from './choice-group.js';
import type { ChoiceOption, FieldBaseProps } from './types.js';

export interface RadioGroupProps extends FieldBaseProps {
  options: ChoiceOption[];
  value?: string;
  /** Lay short options out side by side. */
  inline?: boolean;
}

/** One choice among options, in a fieldset (see ChoiceGroup). */
export function RadioGroup({ value, ...props }: RadioGroupProps) {
  return <ChoiceGroup kind="radio" {...props} isChecked={(v) => v === value} />;
}
