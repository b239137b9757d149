import { BUTTON_TYPE, type ButtonSize, type ButtonVariant } from './button.js';
import type { Child } from './types.js';

export interface ButtonLinkProps {
  href: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Language of the link text, when different from the page. */
  lang?: string;
  children?: Child;
}

/** A link that looks like a button (for navigation such as 「申請を始める」 or 「戻る」). */
export function ButtonLink({ href, variant = 'primary', size = 'md', lang, children }: ButtonLinkProps) {
  return (
    <a class="dads-button" data-type={BUTTON_TYPE[variant]} data-size={size} href={href} lang={lang}>
      {children}
    </a>
  );
}
