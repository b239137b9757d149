import type { Conn } from '../../../db/client.js';
import { errorFields, log } from '../../../platform/log/index.js';
import { listPublicFacilities } from '../../campaign/index.js';
import { readIndexVersion } from '../queries.js';
import { FacilityIndex } from './facility-index.js';

interface Entry {
  index: FacilityIndex;
  /** When the version read of the last completed check started: the index is current as of then. */
  checkedAt: number;
  pending?: Promise<FacilityIndex>;
}

/**
 * Each app instance keeps one index per program. It asks the database for the program's version
 * (a primary-key read) and rebuilds only when the version moved (the trigger on `facilities` bumps
 * it), so several instances converge within `checkEveryMs` and no request scans the facilities table.
 *
 * An index is answered only while it is current as of at most `checkEveryMs` ago; past half that
 * age, the request that notices starts a check in the background (one at a time per program) and
 * is answered at once. Under steady traffic the check is always done before the index is too old,
 * so no request waits for the database; after a quiet spell the first request waits for the check
 * (nobody else is waiting then), so a change is never shown later than `checkEveryMs` after it.
 */
export class SiteIndexCache {
  private readonly entries = new Map<number, Entry>();
  private readonly first = new Map<number, Promise<FacilityIndex>>();
  builds = 0;

  constructor(private readonly checkEveryMs = 1000) {}

  async get(conn: Conn, programId: number): Promise<FacilityIndex> {
    const index = this.current(conn, programId);
    if (index) return index;
    const e = this.entries.get(programId);
    if (e) return this.check(conn, programId, e);
    let p = this.first.get(programId);
    if (!p) {
      p = this.refresh(conn, programId, undefined).finally(() => this.first.delete(programId));
      this.first.set(programId, p);
    }
    return p;
  }

  /**
   * The index if it is current as of at most `checkEveryMs` ago, without waiting (undefined
   * otherwise: then `get` waits for the check); starts a background check past half that age.
   * For answers kept outside this cache (whole responses), to tell whether they still hold.
   */
  current(conn: Conn, programId: number): FacilityIndex | undefined {
    const e = this.entries.get(programId);
    if (!e) return undefined;
    const age = Date.now() - e.checkedAt;
    if (age * 2 >= this.checkEveryMs && e.pending === undefined) {
      void this.check(conn, programId, e).catch((err: unknown) => log.warn('site index check failed', { programId, ...errorFields(err) }));
    }
    return age < this.checkEveryMs ? e.index : undefined;
  }

  /** Current index without a version check, if one was built. */
  peek(programId: number): FacilityIndex | undefined {
    return this.entries.get(programId)?.index;
  }

  clear(): void {
    this.entries.clear();
  }

  /** Checks the version (sharing a check under way) and returns the index that follows from it. */
  private check(conn: Conn, programId: number, e: Entry): Promise<FacilityIndex> {
    e.pending ??= this.refresh(conn, programId, e).finally(() => {
      e.pending = undefined;
    });
    return e.pending;
  }

  private async refresh(conn: Conn, programId: number, e: Entry | undefined): Promise<FacilityIndex> {
    const startedAt = Date.now();
    // The version is read before the rows: a change in between makes the next check rebuild again.
    const version = await readIndexVersion(conn, programId);
    let index = e?.index;
    if (!index || index.version !== version) {
      index = new FacilityIndex(await listPublicFacilities(conn, programId), version);
      this.builds++;
    }
    const current = this.entries.get(programId);
    if (current) {
      current.index = index;
      current.checkedAt = startedAt;
    } else this.entries.set(programId, { index, checkedAt: startedAt });
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
