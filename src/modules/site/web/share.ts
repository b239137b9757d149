import type { AppContext } from '../../../platform/http/env.js';
import { shareAnswer } from '../../../platform/http/public-cache.js';
import { lastKnownDemoFlag } from '../../../platform/programs/demo-flag.js';
import type { Program } from '../../../platform/programs/schema.js';
import { siteIndexCache } from '../search/index-cache.js';
import { recentProgram } from './load.js';
import { laggingReadDb } from '../../../platform/read-db.js';

/**
 * Lets anonymous visitors share this answer through the server's micro-cache for as long as what
 * it was built from is current: the program (as looked up at most a second ago, same last change),
 * the facility index (current as of at most a second ago, same version) and, for pages, the demo
 * flag. Those are the parts of the cache keys of the site's own caches; the URL is the rest.
 * Signed-in visitors never share (their pages are never cached).
 */
export function shareWhileCurrent(c: AppContext, program: Program, indexVersion: number, bytes: Uint8Array, demo?: boolean): void {
  if (c.get('auth')) return;
  const deps = c.get('deps');
  const { db } = deps;
  const { slug, id } = program;
  const updatedAt = program.updatedAt.getTime();
  const indexes = siteIndexCache(db);
  shareAnswer(c, {
    bytes,
    isCurrent: () => {
      const p = recentProgram(db, slug);
      if (!p || p.id !== id || p.updatedAt.getTime() !== updatedAt) return false;
      if (demo !== undefined && lastKnownDemoFlag() !== demo) return false;
      return indexes.current(laggingReadDb(deps), id)?.version === indexVersion;
    },
  });
}
