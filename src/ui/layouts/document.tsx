import type { Child } from 'hono/jsx';
import type { Locale } from '../../platform/i18n/index.js';
import { SkipLink } from '../components/skip-link.js';
import { DemoBanner } from '../components/demo-banner.js';
import { assetUrls } from '../static/index.js';

export interface DocumentProps {
  locale: Locale;
  /** Full text of the `<title>` element. */
  documentTitle: string;
  bodyClass: string;
  demo?: boolean;
  /** Header, main, footer. */
  children?: Child;
}

/**
 * The `<html>` element shared by both layouts: head with the design tokens, app.css and the
 * deferred app.js (no inline script or style anywhere), then skip link and demo banner.
 */
export function Document({ locale, documentTitle, bodyClass, demo, children }: DocumentProps) {
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{documentTitle}</title>
        <link rel="stylesheet" href={assetUrls.tokensCss} />
        <link rel="stylesheet" href={assetUrls.appCss} />
        <script src={assetUrls.appJs} defer></script>
      </head>
      <body class={bodyClass}>
        <SkipLink locale={locale} />
        {demo && <DemoBanner locale={locale} />}
        {children}
      </body>
    </html>
  );
}

/** The page heading: the layout's own h1 unless the page renders one itself (`heading={false}`). */
export function PageHeading({ title, heading }: { title: string; heading?: Child | false }) {
  if (heading === false) return null;
  return <h1 class="app-heading-1">{heading ?? title}</h1>;
}
