import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { incomingOf } from './raw-header.js';

/** When the event loop last got round to its timers: how long the current run of I/O has kept it busy. One per process. */
let lastBeat = performance.now();
let heartbeat: NodeJS.Timeout | undefined;
function startHeartbeat(): void {
  if (heartbeat) return;
  lastBeat = performance.now();
  heartbeat = setInterval(() => (lastBeat = performance.now()), 20);
  heartbeat.unref();
}

/**
 * Sheds load early instead of letting every request time out: when more than `maxInFlight`
 * requests are open, or `maxPerClient` from the request's client address (clientIp), or the event
 * loop lags badly, or a request waited `maxWaitMs` before the server could start on it or for a
 * turn to run (`takeTurn`), new requests get 503 with Retry-After. Behind the HTTP server a request is
 * counted only once its body has arrived (body-gate.ts), so slow senders hold no slot.
 * /healthz and /readyz are never shed, so a load balancer can tell overload from death.
 */
export function loadShedding(opts: {
  maxInFlight: number;
  /** Open requests per client address; 0 or absent: no cap. */
  maxPerClient?: number;
  maxLagMs?: number;
  onShed: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => Response | Promise<Response>;
  /**
   * A request the server could not start on for this long gets `onWaitedTooLong` (503) at once.
   * The embedded database runs on the server's one thread, and a request on it runs start to end
   * without letting the next one in: under load the queue is the requests not yet read, which no
   * in-flight count sees. While the event loop has been busy for longer than this without a break
   * (a timer could not run), every request in the current batch has waited at least as long.
   */
  maxWaitMs?: number;
  onWaitedTooLong?: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => Response | Promise<Response>;
  /**
   * A turn to run, taken once the request is admitted (the embedded database's, see
   * Database.admitRequest): its release, or null when none came in time, answered with `onWaitedTooLong`.
   */
  takeTurn?: () => Promise<(() => void) | null>;
}): MiddlewareHandler<AppEnv> & { readonly inFlight: number } {
  let inFlight = 0;
  const perClient = new Map<string, number>();
  const maxPerClient = opts.maxPerClient ?? 0;
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();
  let lagMs = 0;
  const timer = setInterval(() => {
    lagMs = lag.percentile(99) / 1e6;
    lag.reset();
  }, 1000);
  timer.unref();
  const maxLag = opts.maxLagMs ?? 1000;
  const maxWait = opts.maxWaitMs ?? 0;
  if (maxWait > 0) startHeartbeat();
  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.path === '/healthz' || c.req.path === '/readyz') return next();
    // Only a request read from a socket has waited in the server's queue (app.request() in tests has not).
    if (maxWait > 0 && performance.now() - lastBeat > maxWait && incomingOf(c)) return (opts.onWaitedTooLong ?? opts.onShed)(c);
    // Lag alone is not overload (one slow export or a cold start also lags): it counts only
    // together with a queue of open requests.
    if (inFlight >= opts.maxInFlight || (maxLag > 0 && lagMs > maxLag && inFlight >= 8)) {
      return opts.onShed(c);
    }
    const client = maxPerClient > 0 ? c.get('clientIp') : null;
    const fromClient = client === null ? 0 : (perClient.get(client) ?? 0);
    if (client !== null && fromClient >= maxPerClient) return opts.onShed(c);
    inFlight++;
    if (client !== null) perClient.set(client, fromClient + 1);
    let release: (() => void) | null | undefined;
    try {
      if (opts.takeTurn) {
        release = await opts.takeTurn();
        if (!release) return (opts.onWaitedTooLong ?? opts.onShed)(c);
        // Given back at most once: early by the route (yieldTurn), or here when it ends.
        c.set('yieldTurn', release);
      }
      await next();
    } finally {
      release?.();
      inFlight--;
      if (client !== null) {
        const left = perClient.get(client)! - 1;
        if (left === 0) perClient.delete(client);
        else perClient.set(client, left);
      }
    }
  };
  return Object.defineProperty(handler, 'inFlight', { get: () => inFlight }) as MiddlewareHandler<AppEnv> & { readonly inFlight: number };
}
