import type { Conn } from '../../../db/client.js';
import { listSearchableFacilities, readIndexVersion } from '../queries.js';
import { FacilityIndex } from './facility-index.js';

interface Entry {
  index: FacilityIndex;
  checkedAt: number;
  pending?: Promise<FacilityIndex>;
}

/**
 * Each app instance keeps one index per program. It asks the database for the program's version
 * (a primary-key read) at most once per `checkEveryMs`, and rebuilds only when the version moved
 * (the trigger on `facilities` bumps it), so several instances converge within a second and no
 * request ever scans the facilities table. Concurrent callers share one check or rebuild.
 */
export class SiteIndexCache {
  private readonly entries = new Map<number, Entry>();
  private readonly first = new Map<number, Promise<FacilityIndex>>();
  builds = 0;

  constructor(private readonly checkEveryMs = 1000) {}

  async get(conn: Conn, programId: number): Promise<FacilityIndex> {
    const e = this.entries.get(programId);
    if (!e) {
      let p = this.first.get(programId);
      if (!p) {
        p = this.refresh(conn, programId, undefined).finally(() => this.first.delete(programId));
        this.first.set(programId, p);
      }
      return p;
    }
    if (Date.now() - e.checkedAt < this.checkEveryMs) return e.index;
    e.pending ??= this.refresh(conn, programId, e).finally(() => {
      e.pending = undefined;
    });
    return e.pending;
  }

  /** Current index without a version check, if one was built (e.g. for cache keys). */
  peek(programId: number): FacilityIndex | undefined {
    return this.entries.get(programId)?.index;
  }

  clear(): void {
    this.entries.clear();
  }

  private async refresh(conn: Conn, programId: number, e: Entry | undefined): Promise<FacilityIndex> {
    // The version is read before the rows: a change in between makes the next check rebuild again.
    const version = await readIndexVersion(conn, programId);
    if (e && e.index.version === version) {
      e.checkedAt = Date.now();
      return e.index;
    }
    const rows = await listSearchableFacilities(conn, programId);
    const index = new FacilityIndex(rows, version);
    this.builds++;
    const current = this.entries.get(programId);
    if (current) {
      current.index = index;
      current.checkedAt = Date.now();
    } else this.entries.set(programId, { index, checkedAt: Date.now() });
    return index;
  }
}

const caches = new WeakMap<object, SiteIndexCache>();

/**
 * The instance's cache for one database, shared by the search page, the detail page, the API and
 * open data (keyed by the database handle, so tests with several databases never mix).
 */
export function siteIndexCache(db: Conn): SiteIndexCache {
  let c = caches.get(db);
  if (!c) caches.set(db, (c = new SiteIndexCache()));
  return c;
}
