import type { Child } from 'hono/jsx';
import { isDemoInstallation } from '../programs/demo-flag.js';
import { NotificationBanner, PublicLayout, type BreadcrumbItem } from '../../ui/index.js';
import { uiMessages } from '../../ui/messages.js';
import { takeFlash } from './flash.js';
import type { AppContext } from './env.js';
import { sendPage } from './respond.js';

/** The same path in the other language: `/x` ↔ `/en/x`, keeping the query. */
export function otherLanguageHref(c: AppContext): string {
  const url = new URL(c.req.url);
  const path = url.pathname;
  // Back-office previews of public pages choose the language by `?lang=en` (there is no /en/admin).
  if (path === '/admin' || path.startsWith('/admin/')) {
    if (c.get('locale') === 'en') url.searchParams.delete('lang');
    else url.searchParams.set('lang', 'en');
    return path + url.search;
  }
  const other = c.get('locale') === 'en' ? path.replace(/^\/en(?=\/|$)/, '') || '/' : path === '/' ? '/en' : '/en' + path;
  return other + url.search;
}

/** A link inside the public site, in the current language. */
export function localHref(c: AppContext, path: string): string {
  return c.get('locale') === 'en' ? (path === '/' ? '/en' : '/en' + path) : path;
}

export async function publicPage(
  c: AppContext,
  opts: { title: string; siteName: string; homePath?: string; breadcrumbs?: BreadcrumbItem[]; notice?: Child; hasErrors?: boolean; status?: number; children?: Child },
) {
  // A message after a form (POST-redirect-GET) is this visitor's alone: that answer is never cached.
  const flash = opts.notice ? undefined : takeFlash(c);
  const locale = c.get('locale');
  const notice = flash ? (
    <NotificationBanner kind={flash.kind} locale={locale} title={uiMessages(locale, FLASH_TITLE[flash.kind])} id="flash-heading">
      <p>{flash.message}</p>
    </NotificationBanner>
  ) : (
    opts.notice
  );
  const res = await sendPage(
    c,
    <PublicLayout
      locale={c.get('locale')}
      title={opts.title}
      siteName={opts.siteName}
      homeHref={localHref(c, opts.homePath ?? '/')}
      langSwitchHref={otherLanguageHref(c)}
      breadcrumbs={opts.breadcrumbs}
      demo={await isDemoInstallation(c.get('deps').db)}
      notice={notice}
      hasErrors={opts.hasErrors}
    >
      {opts.children}
    </PublicLayout>,
    opts.status ?? 200,
  );
  if (flash) res.headers.set('Cache-Control', 'no-store');
  return res;
}

const FLASH_TITLE = { success: 'bannerSuccess', error: 'bannerError', info: 'bannerInfo' } as const;
