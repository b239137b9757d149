import { Hono } from 'hono';
import type { AppEnv } from '../../../platform/http/env.js';
import { siteIndexCache } from '../search/index-cache.js';
import type { Program } from '../../../platform/programs/schema.js';
import type { PublicFacility } from '../queries.js';
import { LruCache } from '../../../platform/lru.js';
import { etagMatches } from '../../../platform/http/etag.js';
import { cachedBytes, type CachedBody } from './html-cache.js';
import { publicCampaign } from './load.js';
import { canonicalSearch } from './search-query.js';
import { rawHeader } from '../../../platform/http/raw-header.js';
import { shareWhileCurrent } from './share.js';
import type { FacilityItem } from './api-schemas.js';
import { laggingReadDb } from '../../../platform/read-db.js';

export const siteApi = new Hono<AppEnv>();

/** Serialised answers by index version and query string, as bytes with their ETag. */
const bodies = new LruCache<CachedBody>(20_000, 16 * 1024 * 1024);

/** Each facility's JSON as UTF-8 bytes, by program, index version and facility: an answer is a copy of them. */
const items = new LruCache<Uint8Array>(5000);
const COMMA = Buffer.from(',');
const END = Buffer.from(']}');

function itemBytes(program: Program, version: number, baseUrl: string, f: PublicFacility): Uint8Array {
  const key = `${program.id}:${program.slug}:${version}:${f.id}`;
  let bytes = items.get(key);
  if (bytes === undefined) {
    bytes = Buffer.from(
      JSON.stringify({
        id: f.id,
        name: f.name,
        nameKana: f.nameKana,
        type: f.type,
        ward: f.ward,
        address: f.address,
        features: f.features,
        url: `${baseUrl}/${program.slug}/facilities/${f.id}`,
        soldOut: f.soldOutOn !== null,
        soldOutOn: f.soldOutOn,
      } satisfies FacilityItem),
    );
    items.set(key, bytes);
  }
  return bytes;
}

/**
 * `GET /api/v1/programs/{slug}/facilities?q=&ward=&type=&feature=&available=true&page=&perPage=`
 * → `{ total, page, perPage, items: [{ id, name, nameKana, type, ward, address, features, url, soldOut, soldOutOn }] }`
 * (`soldOutOn`: the 販売終了 date YYYY-MM-DD or null; added after the contracted fields, none removed).
 * Public (no token). Answers from the in-process index; ETag with 304 on If-None-Match.
 */
siteApi.get('/programs/:slug/facilities', async (c) => {
  const program = await publicCampaign(c);
  const { db, config } = c.get('deps');
  const index = await siteIndexCache(db).get(laggingReadDb(c.get('deps')), program.id);
  const search = canonicalSearch(new URL(c.req.url));
  const key = `${program.id}:${index.version}:${search.key}`;
  let entry = bodies.get(key);
  if (entry === undefined) {
    const r = index.search(search.query);
    const parts: Uint8Array[] = [Buffer.from(`${JSON.stringify({ total: r.total, page: r.page, perPage: r.perPage }).slice(0, -1)},"items":[`)];
    r.items.forEach((f, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(itemBytes(program, index.version, config.publicBaseUrl, f));
    });
    parts.push(END);
    entry = cachedBytes(Buffer.concat(parts) as Uint8Array<ArrayBuffer>);
    bodies.set(key, entry, entry.bytes.byteLength);
  }
  const headers = { ETag: entry.etag, 'Cache-Control': 'public, max-age=30', Vary: 'Accept-Encoding' };
  if (etagMatches(rawHeader(c, 'if-none-match'), entry.etag)) return c.body(null, 304, headers);
  shareWhileCurrent(c, program, index.version, entry.bytes);
  return c.body(entry.bytes, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
});
