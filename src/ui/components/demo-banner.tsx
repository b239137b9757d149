import { uiMessages } from '../messages.js';
import type { Locale } from './types.js';

/** Banner at the very top of every page of a demo deployment. */
export function DemoBanner({ locale = 'ja' }: { locale?: Locale }) {
  return (
    <div class="app-demo-banner">
      <p class="app-demo-banner__text">
        <strong class="app-demo-banner__label">{uiMessages(locale, 'demoBannerTitle')}</strong>
        <span>{uiMessages(locale, 'demoBannerBody')}</span>
      </p>
    </div>
  );
}
