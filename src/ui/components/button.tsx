import type { Child } from './types.js';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'danger';
export type ButtonSize = 'sm' | 'md' | 'lg';

/** DADS button types: primary = solid fill, secondary = outline, tertiary = text, danger = red fill. */
export const BUTTON_TYPE: Record<ButtonVariant, string> = {
  primary: 'solid-fill',
  secondary: 'outline',
  tertiary: 'text',
  danger: 'danger',
};

export interface ButtonProps {
  variant?: ButtonVariant;
  type?: 'submit' | 'button' | 'reset';
  size?: ButtonSize;
  name?: string;
  value?: string;
  /** Submit another form by id. */
  form?: string;
  formaction?: string;
  /** Mark for app.js to block a second submission. Defaults to true for submit buttons. */
  preventDoubleSubmit?: boolean;
  children?: Child;
}

export function Button(props: ButtonProps) {
  const { variant = 'primary', type = 'submit', size = 'md', children } = props;
  const prevent = props.preventDoubleSubmit ?? type === 'submit';
  return (
    <button
      class="dads-button"
      data-type={BUTTON_TYPE[variant]}
      data-size={size}
      type={type}
      name={props.name}
      value={props.value}
      form={props.form}
      formaction={props.formaction}
      data-prevent-double-submit={prevent ? '' : undefined}
    >
      {children}
    </button>
  );
}
