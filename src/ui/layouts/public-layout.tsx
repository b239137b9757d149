import type { Child } from 'hono/jsx';
import type { Locale } from '../../platform/i18n/index.js';
import { Breadcrumbs, type BreadcrumbItem } from '../components/breadcrumbs.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { SiteNav, type NavItem } from '../components/site-nav.js';
import { uiMessages } from '../messages.js';
import { Document, PageHeading } from './document.js';

export interface PublicLayoutProps {
  locale: Locale;
  /** Page title: used for `<title>` and, by default, the h1. */
  title: string;
  siteName: string;
  homeHref: string;
  /** URL of this page in the other language; omit to hide the switch. */
  langSwitchHref?: string;
  breadcrumbs?: readonly BreadcrumbItem[];
  nav?: readonly NavItem[];
  demo?: boolean;
  /** Shown right under the h1: an ErrorSummary or NotificationBanner. */
  notice?: Child;
  /** Prefix the document title with 「エラー：」 (a form came back with errors). */
  hasErrors?: boolean;
  /** h1 content when it differs from `title`; `false` when the page renders its own h1. */
  heading?: Child | false;
  /** Extra footer content (links to terms, contact…). */
  footer?: Child;
  children?: Child;
}

/** Layout of the public website (citizens and businesses), in Japanese or English. */
export function PublicLayout(props: PublicLayoutProps) {
  const { locale, title, siteName } = props;
  const t = uiMessages;
  const documentTitle = t(locale, props.hasErrors ? 'pageTitleError' : 'pageTitle', { title, siteName });
  return (
    <Document locale={locale} documentTitle={documentTitle} bodyClass="app-body app-body--public" demo={props.demo}>
      <header class="app-header">
        <div class="app-container app-header__inner">
          <a class="app-header__site-name" href={props.homeHref}>
            {siteName}
          </a>
          {props.langSwitchHref !== undefined && <LanguageSwitch locale={locale} href={props.langSwitchHref} />}
        </div>
        {props.nav && (
          <div class="app-container">
            <SiteNav items={props.nav} label={t(locale, 'mainNavLabel')} />
          </div>
        )}
      </header>
      {props.breadcrumbs && props.breadcrumbs.length > 0 && (
        <div class="app-container app-breadcrumbs">
          <Breadcrumbs items={props.breadcrumbs} locale={locale} />
        </div>
      )}
      <main id="main" tabindex={-1} class="app-container app-main">
        <PageHeading title={title} heading={props.heading} />
        {props.notice}
        {props.children}
      </main>
      <footer class="app-footer">
        <div class="app-container">
          {props.footer}
          <p class="app-footer__copyright">{t(locale, 'footerCopyright', { siteName })}</p>
        </div>
      </footer>
    </Document>
  );
}
