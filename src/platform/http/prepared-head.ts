import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * A kept answer's status line and headers, serialized once, as node:http's `writeHead` writes them,
 * so that a cache hit (public-cache.ts) hands node one string instead of a dozen headers to check
 * and join again. With the 2,803 search answers of bench:search kept, `writeHead` on their header
 * lists took about a third of the server's time per hit (27 µs of CPU an answer, against 18 µs
 * with the head prepared; the bare server's is 17).
 *
 * Node writes a head it was given in `_header` as it is (the field `writeHead` fills, read by
 * `headersSent`, `end` and `_send`); it then adds nothing, so what node would have added is added
 * here: the Date, Connection and Keep-Alive lines (`KeepAliveTail`), which are the same for every
 * answer on a kept-alive HTTP/1.1 connection. Anything else (HTTP/1.0, `Connection: close`, HEAD,
 * 304) goes through `writeHead` as before. src/platform/http/prepared-head.test.ts checks that both
 * ways write the same bytes, so a node release that changed either would fail there first.
 */
export interface PreparedHead {
  /** The status line and the headers up to the request id's value. */
  before: string;
  /** The rest of the headers, after the request id. */
  after: string;
}

const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const INVALID_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
/** Headers node reads to decide framing or the connection: a list with one of these goes through writeHead. */
const DECIDING = new Set(['connection', 'date', 'transfer-encoding', 'trailer', 'expect', 'keep-alive']);

/**
 * A 200's header list (`name, value, …`, with Content-Length) as one head split around the value at
 * `requestIdAt`; null when node itself must see it (a header it decides on, a name or value it
 * would refuse, no Content-Length).
 */
export function prepareHead(flat: readonly string[], requestIdAt: number): PreparedHead | null {
  let before = 'HTTP/1.1 200 OK\r\n';
  let after = '';
  let length = false;
  for (let i = 0; i < flat.length; i += 2) {
    const name = flat[i]!;
    const value = flat[i + 1]!;
    const lower = name.toLowerCase();
    if (!TOKEN.test(name) || INVALID_VALUE.test(value) || DECIDING.has(lower)) return null;
    if (lower === 'content-length') length = true;
    if (i + 1 === requestIdAt) {
      before += `${name}: `;
      after = '\r\n';
    } else if (i + 1 < requestIdAt) before += `${name}: ${value}\r\n`;
    else after += `${name}: ${value}\r\n`;
  }
  return length && requestIdAt > 0 ? { before: flat1(before), after: flat1(after) } : null;
}

/**
 * The same text as one flat string: built with +=, it is a tree of pieces that V8 walks again on
 * every write of it (5% of a hit's time in a profile).
 */
function flat1(s: string): string {
  return Buffer.from(s, 'latin1').toString('latin1');
}

/**
 * The lines node:http adds after the headers of an answer on a kept-alive connection, and the blank
 * line: renewed when the second changes (node's Date is to the second too).
 */
export class KeepAliveTail {
  private second = -1;
  private text = '';

  constructor(private readonly server: Pick<Server, 'keepAliveTimeout' | 'maxRequestsPerSocket'>) {}

  /** Null while the server counts requests per connection (MAX_REQUESTS_PER_SOCKET): node decides each. */
  now(): string | null {
    if ((this.server.maxRequestsPerSocket ?? 0) > 0) return null;
    const now = Date.now();
    const second = Math.floor(now / 1000);
    if (second !== this.second) {
      const timeout = this.server.keepAliveTimeout;
      this.second = second;
      this.text = flat1(`Date: ${new Date(now).toUTCString()}\r\nConnection: keep-alive\r\n${timeout ? `Keep-Alive: timeout=${Math.floor(timeout / 1000)}\r\n` : ''}\r\n`);
    }
    return this.text;
  }
}

/**
 * Writes a 200 with a prepared head and `body` (true), when node would keep the connection open
 * with nothing left to decide: an HTTP/1.1 GET that did not ask to close. Else false, untouched.
 */
export function writePrepared(req: IncomingMessage, res: ServerResponse, head: PreparedHead, tail: string, requestId: string, body: Uint8Array): boolean {
  if (req.method !== 'GET' || req.httpVersion !== '1.1' || !res.shouldKeepAlive || res.headersSent) return false;
  (res as unknown as { _header: string })._header = head.before + requestId + head.after + tail;
  res.end(body);
  return true;
}
