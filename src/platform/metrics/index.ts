import crypto from 'node:crypto';
import client from 'prom-client';
import type { Deps } from '../deps.js';
import { jobQueueState } from '../jobs/queue.js';
import { outboxBacklog } from '../mail/queries.js';

/** Counts the app keeps as it runs, read at a scrape (one set per deps, so tests' apps never share). */
export interface AppMetrics {
  registry: client.Registry;
  /** Records one answered request: its route pattern (bounded), method, status and seconds taken. */
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  shed: client.Counter<'reason'>;
  /** How long requests waited for a database turn (embedded) before running. */
  databaseWait: client.Histogram;
  /** Reads the number of requests in flight (the load shedder's count). */
  watchInFlight(read: () => number): void;
  /** Reads a server's public micro-cache counters. */
  watchPublicCache(cache: { hits: number; misses: number; size: number; bytes: number }): void;
}

const made = new WeakMap<object, AppMetrics>();

/** The metrics of one running app (created on first use). */
export function metricsFor(deps: Pick<Deps, 'database' | 'db'>): AppMetrics {
  let m = made.get(deps);
  if (!m) made.set(deps, (m = createMetrics(deps)));
  return m;
}

function createMetrics(deps: Pick<Deps, 'database' | 'db'>): AppMetrics {
  const registry = new client.Registry();
  const requests = new client.Counter({ name: 'jimukyoku_http_requests_total', help: 'HTTP requests answered by the app (public cache hits are counted apart)', labelNames: ['method', 'route', 'status'] as const, registers: [registry] });
  const duration = new client.Histogram({
    name: 'jimukyoku_http_request_duration_seconds',
    help: 'Time from the request reaching the app to its answer',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const shed = new client.Counter({ name: 'jimukyoku_http_shed_total', help: 'Requests answered 503 by load shedding', labelNames: ['reason'] as const, registers: [registry] });
  const databaseWait = new client.Histogram({ name: 'jimukyoku_database_wait_seconds', help: 'Time a request waited for a turn on the database', buckets: [0.001, 0.005, 0.025, 0.1, 0.5, 1, 2.5, 5], registers: [registry] });
  let inFlight: () => number = () => 0;
  new client.Gauge({ name: 'jimukyoku_http_in_flight', help: 'Requests being handled by the app', registers: [registry], collect() { this.set(inFlight()); } });
  const caches: Array<{ hits: number; misses: number; size: number; bytes: number }> = [];
  const sum = (k: 'hits' | 'misses' | 'size' | 'bytes') => caches.reduce((n, c) => n + c[k], 0);
  new client.Counter({ name: 'jimukyoku_public_cache_hits_total', help: 'Public answers written from the micro-cache', registers: [registry], collect() { this.reset(); this.inc(sum('hits')); } });
  new client.Counter({ name: 'jimukyoku_public_cache_misses_total', help: 'Shareable public requests that went to the app', registers: [registry], collect() { this.reset(); this.inc(sum('misses')); } });
  new client.Gauge({ name: 'jimukyoku_public_cache_bytes', help: 'Bytes held by the public micro-cache', registers: [registry], collect() { this.set(sum('bytes')); } });
  const pool = new client.Gauge({ name: 'jimukyoku_database_connections', help: 'Database connections (PostgreSQL pool) or request turns (embedded) by state', labelNames: ['state'] as const, registers: [registry], collect() {
    const s = deps.database.stats?.();
    if (!s) return;
    pool.set({ state: 'size' }, s.size);
    pool.set({ state: 'in_use' }, s.inUse);
    pool.set({ state: 'waiting' }, s.waiting);
  } });
  const replica = deps.database.replica;
  if (replica) {
    new client.Gauge({ name: 'jimukyoku_read_replica_lag_seconds', help: 'Replay lag of the read replica (-1: not known, reads go to the primary)', registers: [registry], collect() { this.set(replica.lagMs === null ? -1 : replica.lagMs / 1000); } });
    new client.Gauge({ name: 'jimukyoku_read_replica_in_use', help: '1 while reads that may lag go to the replica, 0 while they go to the primary', registers: [registry], collect() { this.set(replica.inUse ? 1 : 0); } });
    const reads = new client.Counter({ name: 'jimukyoku_lagging_reads_total', help: 'Reads that may lag, by where they went', labelNames: ['target'] as const, registers: [registry], collect() {
      reads.reset();
      reads.inc({ target: 'replica' }, replica.reads.replica);
      reads.inc({ target: 'primary' }, replica.reads.primary);
    } });
  }
  const jobs = new client.Gauge({ name: 'jimukyoku_jobs_due', help: 'Jobs due and not yet running', registers: [registry] });
  const jobAge = new client.Gauge({ name: 'jimukyoku_jobs_oldest_due_seconds', help: 'How long the oldest due job has waited', registers: [registry] });
  const outbox = new client.Gauge({ name: 'jimukyoku_mail_outbox_queued', help: 'Mails waiting to be sent', registers: [registry] });
  let defaults = false;
  // Read from the database once per scrape, before the registry renders.
  const refresh = async () => {
    if (!defaults) {
      // Process, heap and event-loop lag (nodejs_eventloop_lag_*): started on the first scrape, not per app.
      client.collectDefaultMetrics({ register: registry, prefix: 'jimukyoku_' });
      defaults = true;
    }
    const [q, backlog] = await Promise.all([jobQueueState(deps.db, new Date()), outboxBacklog(deps.db)]);
    jobs.set(q.due);
    jobAge.set(q.oldestDueSeconds);
    outbox.set(backlog);
  };
  const metrics: AppMetrics & { refresh: () => Promise<void> } = {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      duration.observe({ method, route }, seconds);
    },
    shed,
    databaseWait,
    watchInFlight(read) {
      inFlight = read;
    },
    watchPublicCache(cache) {
      if (!caches.includes(cache)) caches.push(cache);
    },
    refresh,
  };
  return metrics;
}

/** The Prometheus text exposition of the app's metrics, as of now. */
export async function renderMetrics(deps: Pick<Deps, 'database' | 'db'>): Promise<{ contentType: string; body: string }> {
  const m = metricsFor(deps) as AppMetrics & { refresh: () => Promise<void> };
  await m.refresh();
  return { contentType: m.registry.contentType, body: await m.registry.metrics() };
}

/** Whether a request's Authorization header carries the metrics token (compared in constant time). */
export function hasMetricsToken(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const given = crypto.createHash('sha256').update(header.slice(7)).digest();
  const expected = crypto.createHash('sha256').update(token).digest();
  return crypto.timingSafeEqual(given, expected);
}
