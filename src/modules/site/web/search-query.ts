import { FACILITY_TYPES, WARDS } from '../../campaign/index.js';
import { SORTS, type SearchQuery, type SortKey } from '../search/facility-index.js';

/** How much of the query the search reads (the OpenAPI document states them). */
export const SEARCH_LIMITS = { q: 100, features: 20, feature: 40 } as const;

function int(v: string | null): number | undefined {
  return v !== null && /^\d{1,6}$/.test(v) ? Number(v) : undefined;
}

/**
 * The search as the URL holds it (shared by the page and the API): `q`, `ward` (Japanese name),
 * `type` (hotel|ryokan|simple|other), `feature` (repeatable), `available=true`, `sort`, `page`,
 * `perPage`. Unknown values are ignored rather than refused, so a shared link never breaks.
 */
export function searchQueryFrom(url: URL): SearchQuery {
  const p = url.searchParams;
  const ward = p.get('ward') ?? '';
  const type = p.get('type') ?? '';
  const sort = p.get('sort') ?? '';
  return {
    q: (p.get('q') ?? '').slice(0, SEARCH_LIMITS.q),
    ward: (WARDS as readonly string[]).includes(ward) ? ward : undefined,
    type: (FACILITY_TYPES as readonly string[]).includes(type) ? type : undefined,
    features: p.getAll('feature').filter(Boolean).slice(0, SEARCH_LIMITS.features).map((f) => f.slice(0, SEARCH_LIMITS.feature)),
    available: p.get('available') === 'true',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as SortKey) : 'kana',
    page: int(p.get('page')),
    perPage: int(p.get('perPage')),
  };
}

/** The query string of a search, for page links (only the parts that are set). */
export function searchQueryString(q: SearchQuery, page?: number): string {
  const p = new URLSearchParams();
  if (q.q) p.set('q', q.q);
  if (q.ward) p.set('ward', q.ward);
  if (q.type) p.set('type', q.type);
  for (const f of q.features ?? []) p.append('feature', f);
  if (q.available) p.set('available', 'true');
  if (q.sort && q.sort !== 'kana') p.set('sort', q.sort);
  if (page && page > 1) p.set('page', String(page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/**
 * The search of a URL in one canonical form, and a cache key for it: equivalent URLs (parameters
 * in another order, unknown or empty ones, an unknown ward, `page=1`, a feature twice or in another
 * order, other tracking parameters) share one key, so one cached answer serves them all.
 */
export function canonicalSearch(url: URL): { query: SearchQuery; key: string } {
  const raw = searchQueryFrom(url);
  const query: SearchQuery = { ...raw, features: [...new Set(raw.features)].sort() };
  const qs = searchQueryString(query, query.page);
  return { query, key: query.perPage === undefined ? qs : `${qs}#${query.perPage}` };
}
