import pg from 'pg';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { Db } from './client.js';

/**
 * A streaming replica for reads that may be a moment old (the public facility index, open data):
 * `pick()` gives the replica while its replay lag is known and within `maxLagMs`, otherwise the
 * primary. The lag is measured every `checkEveryMs` on the replica itself: 0 when everything
 * received is replayed, else the age of the last replayed commit (so a paused or stuck replay
 * counts as growing lag). Anything that decides money, seats or permissions reads the primary
 * (deps.db) and never asks here (test/platform/read-replica-use.test.ts keeps it so).
 */
export class ReadReplica {
  readonly db: Db;
  /** The last measured lag in ms, or null when the replica could not be asked. */
  lagMs: number | null = null;
  reads = { replica: 0, primary: 0 };
  private readonly timer: NodeJS.Timeout;
  private measuring = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly primary: Db,
    private readonly maxLagMs: number,
    checkEveryMs = 500,
  ) {
    this.db = drizzlePg(pool) as unknown as Db;
    this.timer = setInterval(() => void this.measure(), checkEveryMs);
    this.timer.unref();
    void this.measure();
  }

  get inUse(): boolean {
    return this.lagMs !== null && this.lagMs <= this.maxLagMs;
  }

  pick(): Db {
    if (this.inUse) {
      this.reads.replica++;
      return this.db;
    }
    this.reads.primary++;
    return this.primary;
  }

  async measure(): Promise<void> {
    if (this.measuring) return;
    this.measuring = true;
    try {
      const { rows } = await this.pool.query<{ recovering: boolean; lag_ms: string | null }>(`
        select pg_is_in_recovery() as recovering,
          case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
               else extract(epoch from (now() - pg_last_xact_replay_timestamp())) * 1000 end as lag_ms`);
      const row = rows[0];
      // Not a replica (promoted, or misconfigured): its data may have diverged; read the primary.
      this.lagMs = row?.recovering && row.lag_ms !== null ? Number(row.lag_ms) : null;
    } catch {
      this.lagMs = null;
    } finally {
      this.measuring = false;
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.pool.end();
  }
}

export function openReadReplica(url: string, primary: Db, maxLagMs: number, poolSize: number): ReadReplica {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 2000, statement_timeout: 60_000, application_name: 'jimukyoku-read' });
  pool.on('error', () => undefined);
  return new ReadReplica(pool, primary, maxLagMs);
}
