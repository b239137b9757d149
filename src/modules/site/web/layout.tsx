import type { Child } from 'hono/jsx';
import type { AppContext } from '../../../platform/http/env.js';
import { localHref, otherLanguageHref } from '../../../platform/http/public-page.js';
import { raw } from 'hono/html';
import { PublicLayout, renderPage, renderToString, type BreadcrumbItem } from '../../../ui/index.js';
import { isDemoInstallation } from '../../../platform/programs/demo-flag.js';
import type { Program } from '../../../platform/programs/schema.js';
import { siteMessages as m, type SiteMessageKey } from '../messages.js';
import { LruCache } from '../../../platform/lru.js';
import { escapeAttr, slot } from './html-cache.js';
import { tokyoDate } from '../../../platform/calendar/index.js';
import { NotificationBanner } from '../../../ui/index.js';
import { siteIsOpen, siteOpensOn } from '../public-dates.js';
import { dateLabel } from './format.js';

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

/** A rendered layout: the HTML with its slots, and the same cut at the slots into UTF-8 bytes. */
interface Shell {
  html: string;
  /** Bytes between the slots; 'lang' and 'main' where the slots were. */
  parts: Array<Uint8Array | 'lang' | 'main'>;
}

/** Layouts rendered once per language, program, title and navigation, with two slots (below). */
const shells = new LruCache<Shell>(3000);
const LANG_SLOT = slot('lang');
const MAIN_SLOT = slot('main');
const SHELL_SPLIT = new RegExp(`(${LANG_SLOT}|${MAIN_SLOT})`);

function layoutOf(c: AppContext, program: Program, opts: SitePageOptions, demo: boolean) {
  const locale = c.get('locale');
  // Only staff reach a site before its opening day (load.ts); they see that it is a preview.
  const opensOn = siteIsOpen(program, tokyoDate(c.get('deps').clock.now())) ? null : siteOpensOn(program);
  const notice = opts.notice ?? (opensOn ? <NotificationBanner kind="warning" locale={locale} title={m(locale, 'sitePreviewBanner', { date: dateLabel(locale, opensOn) })} /> : undefined);
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
      notice={notice}
      footer={<Footer c={c} program={program} />}
    >
      {children}
    </PublicLayout>
  );
  return { layout, key: [locale, program.id, program.updatedAt.getTime(), demo ? 1 : 0, opensOn ?? '', opts.title, opts.nav, JSON.stringify(crumbs)].join('\u0001') };
}

/** The layout of a page (without a notice) with its slots, rendered once per key. */
async function shellOf(c: AppContext, program: Program, opts: SitePageOptions): Promise<Shell> {
  const demo = await isDemoInstallation(c.get('deps').db);
  const { layout, key } = layoutOf(c, program, opts, demo);
  let shell = shells.get(key);
  if (shell === undefined) {
    const html = await renderPage(layout(LANG_SLOT, raw(MAIN_SLOT)));
    const parts = html.split(SHELL_SPLIT).map((p) => (p === LANG_SLOT ? 'lang' : p === MAIN_SLOT ? 'main' : Buffer.from(p, 'utf8')));
    shell = { html, parts };
    shells.set(key, shell);
  }
  return shell;
}

/**
 * The whole page as HTML: one layout, navigation and footer for every page of the campaign site.
 * The layout around the content is the same for every query of a page, so it is rendered once
 * (keyed by everything it shows) with slots for the language-switch link (it carries the query)
 * and the content; a page then costs only its own content. Previews (with a notice) render whole.
 */
export async function siteHtml(c: AppContext, program: Program, opts: SitePageOptions): Promise<string> {
  if (opts.notice) {
    const { layout } = layoutOf(c, program, opts, await isDemoInstallation(c.get('deps').db));
    return renderPage(layout(otherLanguageHref(c), opts.children));
  }
  const shell = await shellOf(c, program, opts);
  const main = await renderToString(<>{opts.children}</>);
  const lang = escapeAttr(otherLanguageHref(c));
  return shell.html.replaceAll(LANG_SLOT, () => lang).replace(MAIN_SLOT, () => main);
}

/**
 * The same page as UTF-8 bytes, from content given in parts (HTML text, or bytes kept from an
 * earlier render): the layout's parts are kept as bytes, so only what is new is encoded, and the
 * page is one copy of its parts instead of a render and an encoding of the whole text.
 */
export async function siteBytes(c: AppContext, program: Program, opts: Omit<SitePageOptions, 'children' | 'notice'>, main: Array<string | Uint8Array>): Promise<Uint8Array<ArrayBuffer>> {
  const shell = await shellOf(c, program, opts);
  const lang = Buffer.from(escapeAttr(otherLanguageHref(c)), 'utf8');
  const out: Uint8Array[] = [];
  for (const p of shell.parts) {
    if (p === 'lang') out.push(lang);
    else if (p === 'main') for (const x of main) out.push(typeof x === 'string' ? Buffer.from(x, 'utf8') : x);
    else out.push(p);
  }
  return Buffer.concat(out) as Uint8Array<ArrayBuffer>;
}

/** Sends the page (as `sendPage` does: never cached when someone is signed in). */
export async function sitePage(c: AppContext, program: Program, opts: SitePageOptions): Promise<Response> {
  return sendHtml(c, await siteHtml(c, program, opts), opts.status ?? 200);
}

export function sendHtml(c: AppContext, html: string | Uint8Array<ArrayBuffer>, status = 200): Response {
  const res = typeof html === 'string' ? c.html(html, status as 200) : c.body(html, status as 200, { 'Content-Type': 'text/html; charset=UTF-8' });
  if (c.get('auth')) res.headers.set('Cache-Control', 'no-store');
  return res;
}
