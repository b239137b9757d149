import type { IncomingMessage } from 'node:http';
import type { AppContext } from './env.js';

/**
 * A request header read straight from node's IncomingMessage when served by @hono/node-server:
 * `c.req.header()` makes the adapter build a WHATWG Headers object from every raw header, which
 * costs several microseconds on a hot anonymous GET that only needs one or two of them.
 * Elsewhere (app.request() in tests, other runtimes) it falls back to c.req.header().
 */
export function rawHeader(c: AppContext, name: string): string | undefined {
  const incoming = incomingOf(c);
  if (incoming?.headers) {
    const v = incoming.headers[name];
    return Array.isArray(v) ? v.join(', ') : v;
  }
  return c.req.header(name);
}

/** Node's IncomingMessage behind the request when served by @hono/node-server; undefined elsewhere. */
export function incomingOf(c: AppContext): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}
