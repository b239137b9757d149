import { uiMessages } from '../messages.js';
import type { Locale } from './types.js';

/** The visible 必須 / 任意 badge placed inside a label or legend. */
export function RequirementBadge({ required, locale = 'ja' }: { required?: boolean; locale?: Locale }) {
  return (
    <span class="dads-form-control-label__requirement" data-required={required ? 'true' : 'false'}>
      {uiMessages(locale, required ? 'required' : 'optional')}
    </span>
  );
}
