import type { Child } from 'hono/jsx';
import type { AppContext } from '../../../platform/http/env.js';
import { localHref, otherLanguageHref } from '../../../platform/http/public-page.js';
import { raw } from 'hono/html';
import { PublicLayout, renderPage, renderToString, type BreadcrumbItem } from '../../../ui/index.js';
import { isDemoInstallation } from '../../programs/demo-flag.js';
import type { Program } from '../../programs/schema.js';
import { siteMessages as m, type SiteMessageKey } from '../messages.js';
import { HtmlCache, escapeAttr, slot } from './html-cache.js';

export type NavKey = 'top' | 'search' | 'howto' | 'business' | 'faq' | 'contact' | null;

const NAV: Array<[Exclude<NavKey, null>, string, SiteMessageKey]> = [
  ['top', '', 'navTop'],
  ['search', '/facilities', 'navSearch'],
  ['howto', '/howto', 'navHowto'],
  ['business', '/for-business', 'navBusiness'],
  ['faq', '/faq', 'navFaq'],
  ['contact', '/contact', 'navContact'],
];

export interface SitePageOptions {
  title: string;
  nav: NavKey;
  /** Trail after the site's home; the current page last, without a link. */
  breadcrumbs?: BreadcrumbItem[];
  notice?: Child;
  status?: number;
  children?: Child;
}

/** A path of the program's site in the current language: `sitePath(c, p, '/faq')` → `/en/demo-stay/faq`. */
export function sitePath(c: AppContext, program: Program, path = ''): string {
  return localHref(c, `/${program.slug}${path}`);
}

function Footer({ c, program }: { c: AppContext; program: Program }) {
  const locale = c.get('locale');
  return (
    <nav aria-label={m(locale, 'footerLabel')}>
      <ul class="app-nav__list">
        <li class="app-nav__item">
          <a class="app-nav__link" href={sitePath(c, program, '/accessibility')}>{m(locale, 'footerAccessibility')}</a>
        </li>
        <li class="app-nav__item">
          <a class="app-nav__link" href={sitePath(c, program, '/privacy')}>{m(locale, 'footerPrivacy')}</a>
        </li>
        <li class="app-nav__item">
          <a class="app-nav__link" href={sitePath(c, program, '/contact')}>{m(locale, 'navContact')}</a>
        </li>
        <li class="app-nav__item">
          <a class="app-nav__link" href={localHref(c, `/${program.slug}/opendata`)}>{m(locale, 'footerOpenData')}</a>
        </li>
      </ul>
    </nav>
  );
}

/** Layouts rendered once per language, program, title and navigation, with two slots (below). */
const shells = new HtmlCache(3000);
const LANG_SLOT = slot('lang');
const MAIN_SLOT = slot('main');

/**
 * The whole page as HTML: one layout, navigation and footer for every page of the campaign site.
 * The layout around the content is the same for every query of a page, so it is rendered once
 * (keyed by everything it shows) with slots for the language-switch link (it carries the query)
 * and the content; a page then costs only its own content. Previews (with a notice) render whole.
 */
export async function siteHtml(c: AppContext, program: Program, opts: SitePageOptions): Promise<string> {
  const locale = c.get('locale');
  const demo = await isDemoInstallation(c.get('deps').db);
  const crumbs: BreadcrumbItem[] = opts.nav === 'top' ? [] : [{ label: program.name, href: sitePath(c, program) }, ...(opts.breadcrumbs ?? [{ label: opts.title }])];
  const layout = (langSwitchHref: string, children: Child) => (
    <PublicLayout
      locale={locale}
      title={opts.title}
      siteName={program.name}
      homeHref={sitePath(c, program)}
      langSwitchHref={langSwitchHref}
      nav={NAV.map(([key, path, label]) => ({ label: m(locale, label), href: sitePath(c, program, path), current: key === opts.nav }))}
      breadcrumbs={crumbs}
      demo={demo}
      notice={opts.notice}
      footer={<Footer c={c} program={program} />}
    >
      {children}
    </PublicLayout>
  );
  if (opts.notice) return renderPage(layout(otherLanguageHref(c), opts.children));
  const key = [locale, program.id, program.updatedAt.getTime(), demo ? 1 : 0, opts.title, opts.nav, JSON.stringify(crumbs)].join('\u0001');
  let shell = shells.get(key);
  if (shell === undefined) {
    shell = await renderPage(layout(LANG_SLOT, raw(MAIN_SLOT)));
    shells.set(key, shell);
  }
  const main = await renderToString(<>{opts.children}</>);
  const lang = escapeAttr(otherLanguageHref(c));
  return shell.replaceAll(LANG_SLOT, () => lang).replace(MAIN_SLOT, () => main);
}

/** Sends the page (as `sendPage` does: never cached when someone is signed in). */
export async function sitePage(c: AppContext, program: Program, opts: SitePageOptions): Promise<Response> {
  return sendHtml(c, await siteHtml(c, program, opts), opts.status ?? 200);
}

export function sendHtml(c: AppContext, html: string, status = 200): Response {
  const res = c.html(html, status as 200);
  if (c.get('auth')) res.headers.set('Cache-Control', 'no-store');
  return res;
}
