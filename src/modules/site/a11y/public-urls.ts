import type { Deps } from '../../../platform/deps.js';
import type { Program } from '../../../platform/programs/schema.js';
import { siteIndexCache } from '../search/index-cache.js';

const CONTENT_SEGMENTS = ['howto', 'for-business', 'faq', 'accessibility', 'privacy', 'contact'];

/**
 * One URL of every public page type of the campaign site, in Japanese and English: the top page,
 * the search, one facility's page (the first listed, when there is one) and each content page.
 */
export async function publicPageUrls(deps: Deps, program: Program, baseUrl: string): Promise<string[]> {
  const index = await siteIndexCache(deps.db).get(deps.db, program.id);
  const first = index.search({ perPage: 1 }).items[0];
  const paths = [`/${program.slug}`, `/${program.slug}/facilities`, ...(first ? [`/${program.slug}/facilities/${first.id}`] : []), ...CONTENT_SEGMENTS.map((s) => `/${program.slug}/${s}`)];
  return [...paths, ...paths.map((p) => `/en${p}`)].map((p) => `${baseUrl}${p}`);
}
