import { Hono } from 'hono';
import { AppError } from '../../../platform/errors/index.js';
import { exportResponse } from '../../../platform/exports/index.js';
import type { AppContext, AppEnv } from '../../../platform/http/env.js';
import { isDemoInstallation } from '../../../platform/programs/demo-flag.js';
import type { Program } from '../../../platform/programs/schema.js';
import { isPageKey, pageKeyOfSegment } from '../defaults.js';
import { siteMessages as m } from '../messages.js';
import { programSetting } from '../../../platform/programs/queries.js';
import { siteIndexCache } from '../search/index-cache.js';
import { contentPageHtml } from './content-page.js';
import { detailPageHtml } from './detail-page.js';
import { LruCache } from '../../../platform/lru.js';
import { etagMatches } from '../../../platform/http/etag.js';
import { cachedBody, cachedBytes, type CachedBody } from './html-cache.js';
import { homePageHtml } from './home-page.js';
import { sendHtml, siteHtml } from './layout.js';
import { READ_ROLES, isVisibleTo, publicCampaign } from './load.js';
import { authorizeProgram } from '../../../platform/http/guards.js';
import { findVersion } from '../queries.js';
import { OPEN_DATA_COLUMNS, openDataJson, openDataRows } from './opendata.js';
import { searchPageBytes } from './search-page.js';
import { canonicalSearch, searchQueryString } from './search-query.js';
import { rawHeader } from '../../../platform/http/raw-header.js';
import { shareWhileCurrent } from './share.js';
import { idParam } from '../../../platform/http/params.js';
import { laggingReadDb } from '../../../platform/read-db.js';
import { shareBriefly } from '../../../platform/http/public-cache.js';

export const sitePublic = new Hono<AppEnv>();
/** Rendered pages (bytes and ETag): up to 20,000, at most 48 MiB. */
const pages = new LruCache<CachedBody>(20_000, 48 * 1024 * 1024);

const indexOf = (c: AppContext, program: Program) => siteIndexCache(c.get('deps').db).get(laggingReadDb(c.get('deps')), program.id);

/**
 * Pages built only from the program and the facility index are cached as UTF-8 bytes with an
 * ETag, keyed by what they depend on (a hit is written without rendering or encoding; a browser
 * that has it gets 304); signed-in visitors always get a fresh page.
 */
async function cached(c: AppContext, program: Program, version: number, variant: string, render: () => Promise<string | Uint8Array<ArrayBuffer>>): Promise<Response> {
  if (c.get('auth')) return sendHtml(c, await render());
  const demo = await isDemoInstallation(c.get('deps').db);
  const key = `${program.id}:${program.updatedAt.getTime()}:${version}:${demo ? 1 : 0}:${c.req.path}${variant}`;
  let entry = pages.get(key);
  if (entry === undefined) {
    const page = await render();
    entry = typeof page === 'string' ? cachedBody(page) : cachedBytes(page);
    pages.set(key, entry, entry.bytes.byteLength);
  }
  // Vary: the kept copy of this page is also sent compressed (see content-coding.ts), 304 included.
  const headers = { ETag: entry.etag, 'Cache-Control': 'public, max-age=30', Vary: 'Accept-Encoding' };
  if (etagMatches(rawHeader(c, 'if-none-match'), entry.etag)) return c.body(null, 304, headers);
  shareWhileCurrent(c, program, version, entry.bytes, demo);
  return c.body(entry.bytes, 200, { ...headers, 'Content-Type': 'text/html; charset=UTF-8' });
}

function featureOptions(program: Program, fromIndex: string[]): string[] {
  const configured = programSetting<string[] | null>(program, 'facilityFeatures', null);
  return configured && configured.length ? configured : fromIndex;
}

sitePublic.get('/:slug/facilities', async (c) => {
  const program = await publicCampaign(c);
  const index = await indexOf(c, program);
  // Keyed by the canonical search (the page always shows 20 a page, so perPage is not part of it),
  // and rendered from that same canonical search, so every URL sharing the key gets the same page.
  const { query } = canonicalSearch(new URL(c.req.url));
  const variant = searchQueryString({ ...query, perPage: undefined }, query.page);
  return cached(c, program, index.version, variant, () => searchPageBytes(c, program, index, query, featureOptions(program, index.features)));
});

sitePublic.get('/:slug/facilities/:id{[0-9]+}', async (c) => {
  const program = await publicCampaign(c);
  const index = await indexOf(c, program);
  const f = index.get(idParam(c));
  if (!f) throw new AppError('not-found');
  return cached(c, program, index.version, '', () => detailPageHtml(c, program, f));
});

sitePublic.get('/:slug/:page{howto|for-business|faq|accessibility|privacy|contact}', async (c) => {
  const program = await publicCampaign(c);
  const key = pageKeyOfSegment(c.req.param('page'));
  if (!isPageKey(key)) throw new AppError('not-found');
  return shareBriefly(c, async () => sendHtml(c, await contentPageHtml(c, program, key)));
});

/**
 * A banner version's uploaded image, from our origin (the CSP allows no other). Public once the
 * version is live; before that only the site's staff see it (the preview). A version never
 * changes, so a live image is cached for a day and revalidated by ETag.
 */
sitePublic.get('/:slug/banners/:vid{[0-9]+}/image', async (c) => {
  const program = await publicCampaign(c);
  const { db, clock } = c.get('deps');
  const v = await findVersion(db, program.id, idParam(c, 'vid'));
  if (!v || !v.imageData) throw new AppError('not-found');
  const live = v.status === 'approved' && v.publishAt !== null && v.publishAt <= clock.now();
  if (!live) {
    const auth = c.get('auth');
    if (!auth) throw new AppError('not-found');
    try {
      authorizeProgram(auth, program, READ_ROLES);
    } catch {
      throw new AppError('not-found');
    }
  }
  const etag = `"banner-${v.id}"`;
  const headers: Record<string, string> = { ETag: etag, 'Cache-Control': live ? 'public, max-age=86400' : 'private, no-store' };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.body(Buffer.from(v.imageData, 'base64'), 200, { ...headers, 'Content-Type': v.imageType });
});

function facilityUrl(c: AppContext, program: Program, id: number): string {
  return `${c.get('deps').config.publicBaseUrl}/${program.slug}/facilities/${id}`;
}

sitePublic.get('/:slug/opendata', async (c) => {
  const program = await publicCampaign(c);
  const locale = c.get('locale');
  return sendHtml(
    c,
    await siteHtml(c, program, {
      title: m(locale, 'openDataHeading'),
      nav: null,
      children: (
        <ul>
          <li>
            <a href={`/${program.slug}/opendata/facilities.csv`}>{m(locale, 'openDataCsv')}</a>
          </li>
          <li>
            <a href={`/${program.slug}/opendata/facilities.json`}>{m(locale, 'openDataJson')}</a>
          </li>
        </ul>
      ),
    }),
  );
});

sitePublic.get('/:slug/opendata/facilities.csv', async (c) => {
  const program = await publicCampaign(c);
  const index = await indexOf(c, program);
  const res = await exportResponse('csv-utf8', `${program.slug}-facilities`, openDataRows(index.all(), (f) => facilityUrl(c, program, f.id)), OPEN_DATA_COLUMNS);
  res.headers.set('Cache-Control', 'public, max-age=300');
  return res;
});

sitePublic.get('/:slug/opendata/facilities.json', async (c) => {
  const program = await publicCampaign(c);
  const index = await indexOf(c, program);
  c.header('Cache-Control', 'public, max-age=300');
  return c.json({ program: program.slug, version: index.version, items: openDataJson(openDataRows(index.all(), (f) => facilityUrl(c, program, f.id))) });
});

/** The campaign top page, rendered for `GET /{slug}` (programs module) through campaign/web/home.tsx. */
export async function renderSiteHome(c: AppContext, program: Program): Promise<Response> {
  if (!isVisibleTo(c, program)) throw new AppError('not-found');
  const index = await indexOf(c, program);
  return sendHtml(c, await homePageHtml(c, program, index));
}
