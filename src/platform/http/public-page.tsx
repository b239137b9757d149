import type { Child } from 'hono/jsx';
import { isDemoInstallation } from '../programs/demo-flag.js';
import { PublicLayout, type BreadcrumbItem } from '../../ui/index.js';
import type { AppContext } from './env.js';
import { sendPage } from './respond.js';

/** The same path in the other language: `/x` ↔ `/en/x`, keeping the query. */
export function otherLanguageHref(c: AppContext): string {
  const url = new URL(c.req.url);
  const path = url.pathname;
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
  return sendPage(
    c,
    <PublicLayout
      locale={c.get('locale')}
      title={opts.title}
      siteName={opts.siteName}
      homeHref={localHref(c, opts.homePath ?? '/')}
      langSwitchHref={otherLanguageHref(c)}
      breadcrumbs={opts.breadcrumbs}
      demo={await isDemoInstallation(c.get('deps').db)}
      notice={opts.notice}
      hasErrors={opts.hasErrors}
    >
      {opts.children}
    </PublicLayout>,
    opts.status ?? 200,
  );
}
