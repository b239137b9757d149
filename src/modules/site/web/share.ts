import type { AppContext } from '../../../platform/http/env.js';
import { shareAnswer } from '../../../platform/http/public-cache.js';
import { lastKnownDemoFlag } from '../../../platform/programs/demo-flag.js';
import type { Program } from '../../../platform/programs/schema.js';
import { siteIndexCache } from '../search/index-cache.js';
import { recentProgram } from './load.js';
import { laggingReadDb } from '../../../platform/read-db.js';
import type { Deps } from '../../../platform/deps.js';

/**
 * Lets anonymous visitors share this answer through the server's micro-cache for as long as what
 * it was built from is current: the program (as looked up at most a second ago, same last change),
 * the facility index (current as of at most a second ago, same version) and, for pages, the demo
 * flag. Those are the parts of the cache keys of the site's own caches; the URL is the rest.
 * Signed-in visitors never share (their pages are never cached).
 */
export function shareWhileCurrent(c: AppContext, program: Program, indexVersion: number, bytes: Uint8Array, demo?: boolean): void {
  if (c.get('auth')) return;
  shareAnswer(c, { bytes, isCurrent: stillCurrent(c.get('deps'), program, indexVersion, demo).holds });
}

/**
 * One check per state of a program (its last change, its index version, the demo flag), shared by
 * every answer built from that state and made at most once a millisecond: each hit runs it, and
 * thousands of kept answers with a check of their own cost a hit 2 µs of its 24 (bench:search).
 */
class StillCurrent {
  private checkedAt = -1;
  private held = false;

  constructor(private readonly check: () => boolean) {}

  readonly holds = (): boolean => {
    const now = Date.now();
    if (now !== this.checkedAt) {
      this.checkedAt = now;
      this.held = this.check();
    }
    return this.held;
  };
}

/** The checks by database (an app instance, or a test's) and state. */
const checks = new WeakMap<Deps['db'], Map<string, StillCurrent>>();

function stillCurrent(deps: Deps, program: Program, indexVersion: number, demo: boolean | undefined): StillCurrent {
  const { db } = deps;
  const { slug, id } = program;
  const updatedAt = program.updatedAt.getTime();
  let byState = checks.get(db);
  if (!byState) checks.set(db, (byState = new Map()));
  const key = `${id}:${updatedAt}:${indexVersion}:${demo ?? '-'}`;
  let check = byState.get(key);
  if (!check) {
    // Kept answers of states long gone still hold their own check; the map only shares new ones.
    if (byState.size >= 1000) byState.clear();
    const indexes = siteIndexCache(db);
    check = new StillCurrent(() => {
      const p = recentProgram(db, slug);
      if (!p || p.id !== id || p.updatedAt.getTime() !== updatedAt) return false;
      if (demo !== undefined && lastKnownDemoFlag() !== demo) return false;
      return indexes.current(laggingReadDb(deps), id)?.version === indexVersion;
    });
    byState.set(key, check);
  }
  return check;
}
