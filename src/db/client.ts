import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { Config } from '../config/index.js';
import { openReadReplica, type ReadReplica } from './read-replica.js';
/** No relational-query schema: modules query their own tables with the query builder or SQL. */
export type Db = PgDatabase<PgQueryResultHKT>;
/** A transaction handle; commands accept it so callers can compose them in one transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that runs queries: the database or an open transaction. */
export type Conn = Db | Tx;

export interface Database {
  kind: 'embedded' | 'postgres';
  db: Db;
  /** Answers true when the database responds within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
  /** Raw handles for migrations and benchmarks; domain code uses `db`. */
  raw: { pglite?: PGlite; pool?: pg.Pool };
  /**
   * The embedded database only: a turn for one HTTP request to run (at most
   * EMBEDDED_REQUESTS_AT_ONCE at a time, the others waiting in order); resolves with the function
   * that gives the turn back, or null when none came within DATABASE_WAIT_MS (the caller answers
   * 503). PostgreSQL has none: its pool bounds the wait for a connection.
   */
  admitRequest?(): Promise<(() => void) | null>;
  /** Connections (PostgreSQL pool) or request turns (embedded): how many there may be, are in use, and are waited for. */
  stats?(): { size: number; inUse: number; waiting: number };
  /** PostgreSQL with DATABASE_READ_URL: the streaming replica for reads that may be a moment old. */
  replica?: ReadReplica;
}

/**
 * HTTP requests that run at once on the embedded database. PGlite runs every statement on the
 * process's one thread, so more requests at once add no throughput, only latency for all of them
 * (hundreds of roster pages at once took 20 s and more each); the others wait their turn, and get
 * 503 with Retry-After if it does not come within DATABASE_WAIT_MS.
 */
export const EMBEDDED_REQUESTS_AT_ONCE = 8;

/** One process owns an embedded data dir at a time; the lock file tells a second process why it cannot start. */
export function pgliteDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'poolSize'> & Partial<Pick<Config, 'databaseWaitMs' | 'databaseReadUrl' | 'readMaxLagMs'>>,
  opts: { memory?: boolean } = {},
): Promise<Database> {
  const waitMs = config.databaseWaitMs ?? DEFAULT_WAIT_MS;
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl, config.poolSize, waitMs);
    if (!config.databaseReadUrl) return database;
    const replica = openReadReplica(config.databaseReadUrl, database.db, config.readMaxLagMs ?? 2000, config.poolSize);
    const closePrimary = database.close.bind(database);
    return { ...database, replica, close: async () => (await replica.close(), await closePrimary()) };
  }
  return openEmbedded(opts.memory ? undefined : pgliteDir(config.dataDir), waitMs);
}

async function openEmbedded(dir: string | undefined, waitMs: number): Promise<Database> {
  if (dir) fs.mkdirSync(dir, { recursive: true });
  const client = await PGlite.create({ dataDir: dir ? `file://${dir}` : undefined, extensions: { pg_trgm } });
  await client.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm;');
  boundTurnWait(client, waitMs);
  const db = drizzlePglite(client) as unknown as Db;
  const requests = new Turns(EMBEDDED_REQUESTS_AT_ONCE);
  return {
    kind: 'embedded',
    db,
    raw: { pglite: client },
    admitRequest: () => requests.take(waitMs),
    stats: () => ({ size: EMBEDDED_REQUESTS_AT_ONCE, inUse: requests.inUse, waiting: requests.queued }),
    async ping() {
      try {
        await client.query('SELECT 1');
        return true;
      } catch (e) {
        // Busy is not down: a load balancer must not take a loaded instance for a dead one.
        return e instanceof DatabaseBusyError;
      }
    },
    async close() {
      if (!client.closed) await client.close();
    },
  };
}

/** How long a request waits for the database by default (DATABASE_WAIT_MS) before it is answered 503 (see isPoolTimeout). */
const DEFAULT_WAIT_MS = 5_000;

/** The embedded database did not get to a statement or transaction within DATABASE_WAIT_MS: it was busy with others. */
export class DatabaseBusyError extends Error {
  constructor(waitMs: number) {
    super(`the embedded database was busy for ${waitMs} ms`);
    this.name = 'DatabaseBusyError';
  }
}

/**
 * PGlite is one connection: every statement and transaction outside a transaction waits its turn
 * in one queue (its `_runExclusiveTransaction`), which under load grows without bound (600 open
 * requests once queued to a p99 of 21 s). A caller that has not had its turn within `waitMs` gets
 * DatabaseBusyError at once (503 with Retry-After), as a PostgreSQL pool that has no connection
 * free in time; its place in the queue is kept and passed on without running anything when it
 * comes, so a statement given up on never runs later.
 */
function boundTurnWait(client: PGlite, waitMs: number): void {
  const takeTurn = client._runExclusiveTransaction.bind(client);
  client._runExclusiveTransaction = <T>(fn: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      let gaveUp = false;
      const timer = setTimeout(() => {
        gaveUp = true;
        reject(new DatabaseBusyError(waitMs));
      }, waitMs);
      takeTurn(async () => {
        clearTimeout(timer);
        if (gaveUp) return undefined as T;
        return fn();
      }).then(resolve, reject);
    });
}

/** At most `size` holders at a time; the others wait in order, each for at most the time it gives. */
class Turns {
  private running = 0;
  private readonly waiting: Array<(release: () => void) => void> = [];
  constructor(private readonly size: number) {}

  get inUse(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  take(waitMs: number): Promise<(() => void) | null> {
    if (this.running < this.size) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const admit = (release: () => void) => {
        clearTimeout(timer);
        resolve(release);
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(admit), 1);
        resolve(null);
      }, waitMs);
      this.waiting.push(admit);
    });
  }

  /** Gives the turn back, at most once: to the next in line, or free. */
  private releaser(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      if (next) next(this.releaser());
      else this.running--;
    };
  }
}

/**
 * Whether the error (or one it wraps) is the database not being reached in time: the pool giving
 * up on a free connection (every connection busy for DATABASE_WAIT_MS), or the embedded database
 * busy as long (DatabaseBusyError). The database is saturated, not broken, so the answer is 503
 * overloaded with Retry-After, as load shedding answers, not 500.
 */
export function isPoolTimeout(e: unknown): boolean {
  return someCause(e, (cur) => cur instanceof DatabaseBusyError || cur.message === 'timeout exceeded when trying to connect');
}

/** What a driver error (or an error wrapping one) carries: the SQLSTATE and, for a constraint, its name. */
interface ErrorLike {
  message?: unknown;
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** Whether the error or one it wraps (drizzle wraps the driver's; at most five deep) passes `test`. */
function someCause(e: unknown, test: (cur: ErrorLike) => boolean): boolean {
  for (let cur = e as ErrorLike | undefined, depth = 0; cur && depth < 5; cur = cur.cause as ErrorLike | undefined, depth++) if (test(cur)) return true;
  return false;
}

/** Whether the database refused the statement with this SQLSTATE (and, when given, this constraint). */
export function isDatabaseRefusal(e: unknown, code: string, constraint?: string): boolean {
  return someCause(e, (cur) => cur.code === code && (constraint === undefined || cur.constraint === constraint));
}

async function openPostgres(url: string, poolSize: number, waitMs: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: waitMs,
    // A runaway query must not hold a connection forever.
    statement_timeout: 60_000,
    application_name: 'jimukyoku',
  });
  // An idle client losing its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool) as unknown as Db;
  let closed = false;
  return {
    kind: 'postgres',
    db,
    raw: { pool },
    stats: () => ({ size: poolSize, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount }),
    async ping(timeoutMs = 2000) {
      try {
        await Promise.race([
          pool.query('SELECT 1'),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs).unref()),
        ]);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * `build(key)` made once per key object (a connection handle, the deps) and kept as long as the
 * key lives: for queries prepared by name, which are built once instead of on every call.
 */
export function oncePer<K extends object, T>(build: (key: K) => T): (key: K) => T {
  const made = new WeakMap<K, T>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) made.set(key, (value = build(key)));
    return value;
  };
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(conn: Conn, query: SQL): Promise<T[]> {
  const result = (await conn.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Runs one statement by name, outside any transaction (PostgreSQL commits it on its own). On
 * PostgreSQL it is parsed and planned once per connection, not per call. For the few hot paths
 * where a request's cost is its round trips and planning (the reservation API); rows come as the
 * driver gives them, so the SQL casts what it returns (`::text`, `::int`) to read alike on both.
 */
export async function runPrepared<T>(database: Database, name: string, text: string, params: unknown[]): Promise<T[]> {
  const pool = database.raw.pool;
  if (!pool) return (await database.raw.pglite!.query<T>(text, params)).rows;
  const client = await pool.connect();
  let broken: unknown;
  try {
    return (await client.query({ name, text, values: params })).rows as T[];
  } catch (e) {
    // pool.query would close the connection on ANY error; a refusal by the database (an SQLSTATE,
    // such as a check constraint) leaves it sound, and reconnecting costs more than the statement.
    if (!(e instanceof pg.DatabaseError)) broken = e;
    throw e;
  } finally {
    client.release(broken as Error | undefined);
  }
}
