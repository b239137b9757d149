import type { Child } from 'hono/jsx';
import { Breadcrumbs, type BreadcrumbItem } from '../components/breadcrumbs.js';
import { CsrfInput } from '../components/csrf-input.js';
import { NotificationBanner } from '../components/notification-banner.js';
import { SiteNav, type NavItem } from '../components/site-nav.js';
import { uiMessages } from '../messages.js';
import { Document, PageHeading } from './document.js';

export interface FlashMessage {
  kind: 'success' | 'error' | 'info';
  message: string;
}

export interface AdminLayoutProps {
  title: string;
  /** Target of the product name link. Default '/admin'. */
  homeHref?: string;
  user?: { email: string; roles: string };
  nav: readonly NavItem[];
  breadcrumbs?: readonly BreadcrumbItem[];
  demo?: boolean;
  flash?: FlashMessage;
  /** Needed for the logout form; without it the logout button is not shown. */
  csrfToken?: string;
  /** Shown right under the h1 (after the flash), e.g. an ErrorSummary. */
  notice?: Child;
  hasErrors?: boolean;
  heading?: Child | false;
  children?: Child;
}

const FLASH_TITLE = { success: 'bannerSuccess', error: 'bannerError', info: 'bannerInfo' } as const;

/** Layout of the back office (事務局システム). Japanese only. */
export function AdminLayout(props: AdminLayoutProps) {
  const t = (key: Parameters<typeof uiMessages>[1], params?: Record<string, string>) => uiMessages('ja', key, params);
  const product = t('adminProductName');
  const documentTitle = t(props.hasErrors ? 'pageTitleError' : 'pageTitle', { title: props.title, siteName: product });
  return (
    <Document locale="ja" documentTitle={documentTitle} bodyClass="app-body app-body--admin" demo={props.demo}>
      <header class="app-header app-header--admin">
        <div class="app-container app-container--wide app-header__inner">
          <a class="app-header__site-name" href={props.homeHref ?? '/admin'}>
            {product}
          </a>
          {props.user && (
            <div class="app-header__user">
              <p class="app-header__user-name">
                <span class="visually-hidden">{t('adminUserLabel')}</span>
                {props.user.email}
                <span class="app-header__user-roles">{t('adminUserRoles', { roles: props.user.roles })}</span>
              </p>
              {props.csrfToken !== undefined && (
                <form class="app-header__logout" action="/logout" method="post">
                  <CsrfInput token={props.csrfToken} />
                  <button class="dads-button" data-type="outline" data-size="sm" type="submit">
                    {t('logout')}
                  </button>
                </form>
              )}
            </div>
          )}
        </div>
        <div class="app-container app-container--wide">
          <SiteNav items={props.nav} label={t('adminNavLabel')} />
        </div>
      </header>
      {props.breadcrumbs && props.breadcrumbs.length > 0 && (
        <div class="app-container app-container--wide app-breadcrumbs">
          <Breadcrumbs items={props.breadcrumbs} locale="ja" />
        </div>
      )}
      <main id="main" tabindex={-1} class="app-container app-container--wide app-main">
        <PageHeading title={props.title} heading={props.heading} />
        {props.flash && (
          <NotificationBanner kind={props.flash.kind} title={t(FLASH_TITLE[props.flash.kind])} id="flash-heading">
            <p>{props.flash.message}</p>
          </NotificationBanner>
        )}
        {props.notice}
        {props.children}
      </main>
      <footer class="app-footer">
        <div class="app-container app-container--wide">
          <p class="app-footer__copyright">{product}</p>
        </div>
      </footer>
    </Document>
  );
}
