import { uiMessages } from '../messages.js';
import type { Locale } from './types.js';

/** First focusable element of every page: jumps to `<main id="main">`. */
export function SkipLink({ href = '#main', locale = 'ja' }: { href?: string; locale?: Locale }) {
  return (
    <a class="dads-skip-link" href={href}>
      {uiMessages(locale, 'skipLink')}
    </a>
  );
}
