import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/**
 * Sheds load early instead of letting every request time out: when more than `maxInFlight`
 * requests are open, or `maxPerClient` from the request's client address (clientIp), or the event
 * loop lags badly, new requests get 503 with Retry-After. Behind the HTTP server a request is
 * counted only once its body has arrived (body-gate.ts), so slow senders hold no slot.
 * /healthz is never shed, so a load balancer can tell overload from death.
 */
export function loadShedding(opts: {
  maxInFlight: number;
  /** Open requests per client address; 0 or absent: no cap. */
  maxPerClient?: number;
  maxLagMs?: number;
  onShed: (c: Parameters<MiddlewareHandler<AppEnv>>[0]) => Response | Promise<Response>;
}): MiddlewareHandler<AppEnv> {
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
  return async (c, next) => {
    if (c.req.path === '/healthz') return next();
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
    try {
      await next();
    } finally {
      inFlight--;
      if (client !== null) {
        const left = perClient.get(client)! - 1;
        if (left === 0) perClient.delete(client);
        else perClient.set(client, left);
      }
    }
  };
}
