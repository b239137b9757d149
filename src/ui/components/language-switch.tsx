import { uiMessages } from '../messages.js';
import type { Locale } from './types.js';

/** Link to the same page in the other language, labelled in that language. */
export function LanguageSwitch({ locale, href }: { locale: Locale; href: string }) {
  const target: Locale = locale === 'ja' ? 'en' : 'ja';
  return (
    <nav class="app-language-switch" aria-label={uiMessages(locale, 'languageSwitchLabel')}>
      <a class="app-language-switch__link" href={href} lang={target} hreflang={target}>
        {uiMessages(locale, target === 'en' ? 'languageNameEn' : 'languageNameJa')}
      </a>
    </nav>
  );
}
