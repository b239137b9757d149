import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from './env.js';
import { LruCache } from '../lru.js';
import { etagMatches } from './etag.js';
import { writeEpoch } from '../write-epoch.js';
import { compressOffThread } from './compress-thread.js';
import { codedEtag, isCompressible, preferredCoding, varyWithAcceptEncoding, type Coding } from './content-coding.js';
import { prepareHead, writePrepared, type KeepAliveTail, type PreparedHead } from './prepared-head.js';
import { leaveUnread } from './unread-request.js';

/**
 * A micro-cache of whole public answers, in front of the Hono app (see `createHttpServer`): an
 * anonymous GET or HEAD (no Cookie, no Authorization) whose exact URL was answered before, with an
 * answer that still holds, is written straight from here — stored status line, headers and bytes,
 * a fresh X-Request-Id, 304 on a matching If-None-Match — without routing, middleware or a
 * Request/Response object. Everything else goes to the app.
 *
 * Only routes that say so share an answer (`shareAnswer`), and they say how to tell that it still
 * holds (`isCurrent`, checked on every hit: e.g. the versions of what the answer was built from,
 * compared with the instance's current ones). The app's front middleware stores it (`storeShared`)
 * once the answer is complete — only a 200 to an anonymous GET/HEAD without Set-Cookie — with the
 * headers exactly as the app sent them, so a hit answers byte for byte what the app would.
 *
 * A textual answer of 1 KiB or more is also kept compressed (brotli or gzip, whichever the
 * request's Accept-Encoding prefers), asked for by the first request that accepts it and made on a
 * helper thread (compress-thread.ts; until it is back the answer goes as it is): launch-day
 * visitors on phones get a quarter of the bytes, and the server writes a quarter.
 *
 * A hit on a kept-alive HTTP/1.1 GET hands node the answer's head serialized once
 * (prepared-head.ts); anything else goes through writeHead with the kept header list. A hit that
 * declares no body is marked unread (unread-request.ts): node then does not drain it afterwards.
 */

/** What a route hands over for sharing. */
export interface SharedAnswer {
  /** The body it answers with (the same bytes object: nothing is copied). */
  bytes: Uint8Array;
  /** Synchronous, no I/O: whether the answer still holds for its URL now (false: the app answers). */
  isCurrent: () => boolean;
}

/** One set of headers as `writeHead` takes them (name, value, name, value…), and where the request id goes. */
interface HeaderList {
  flat: string[];
  requestIdAt: number;
  /** The 200's head serialized on its first hit (prepared-head.ts); null: writeHead; undefined: not yet. */
  prepared?: PreparedHead | null;
}

/** One representation of an answer: the body as the app sent it, or a compressed copy. */
interface Representation {
  bytes: Uint8Array;
  etag: string | undefined;
  /** [200, 304] without and with Strict-Transport-Security (the latter made on the first https hit). */
  plain: [HeaderList, HeaderList];
  hsts: () => [HeaderList, HeaderList];
}

interface Entry {
  identity: Representation;
  /** Compressed copies, asked for by the first request that accepts one (compress-thread.ts); 'pending' until made. */
  coded: Partial<Record<Coding, Representation | 'pending'>>;
  /** The headers as the app sent them (lower-case names, sorted), to build a coded copy's from. */
  pairs: Array<[string, string]> | null;
  hstsValue: string;
  isCurrent: () => boolean;
  size: number;
}

/** Bytes counted for an entry beyond its body (headers, key, bookkeeping). */
const OVERHEAD = 2048;

/** Entries by raw request URL, least recently used out first, bounded by bytes. */
export class PublicResponseCache {
  private readonly lru: LruCache<Entry>;
  /** Requests answered from here, and eligible ones that went to the app (for benchmarks and tests). */
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {
    this.lru = new LruCache<Entry>(Infinity, maxBytes);
  }

  get size(): number {
    return this.lru.size;
  }

  get bytes(): number {
    return this.lru.bytes;
  }

  get(url: string): Entry | undefined {
    return this.lru.get(url);
  }

  set(url: string, e: Entry): void {
    // One answer never takes more than an eighth of the room.
    if (e.size > this.maxBytes / 8) return;
    this.lru.set(url, e, e.size);
  }

  clear(): void {
    this.lru.clear();
  }

  /** Adds a compressed copy to `url`'s `entry` (counted in the bound). */
  addCoded(url: string, entry: Entry, coding: Coding, rep: Representation): void {
    entry.coded[coding] = rep;
    entry.size += rep.bytes.byteLength;
    this.set(url, entry);
  }
}

/** The env key under which `createHttpServer` hands the cache to the app. */
export interface PublicCacheEnv {
  publicCache?: PublicResponseCache;
}

/** How long a page built from content that may change at any moment is shared: changes show within this. */
export const SHARED_PAGE_MS = 1000;

const PER_VISITOR = /name="_(once|csrf)"/;

/**
 * Renders a page and shares it with anonymous visitors for a moment (SHARED_PAGE_MS): a page built
 * from dated content and today's date (a program's top page, its content pages), for which no
 * version tells whether it still holds. It holds only while no command has committed in this
 * process since (write-epoch.ts), so a change made here shows at once, one made through another
 * instance within the moment. A page that carries a per-visitor token is never shared.
 */
export async function shareBriefly(c: AppContext, render: () => Promise<Response>, ms = SHARED_PAGE_MS): Promise<Response> {
  const epoch = writeEpoch();
  const res = await render();
  if (c.get('auth') || res.status !== 200 || res.headers.has('set-cookie') || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return res;
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (!PER_VISITOR.test(new TextDecoder().decode(bytes))) {
    const until = performance.now() + ms;
    shareAnswer(c, { bytes, isCurrent: () => writeEpoch() === epoch && performance.now() < until });
  }
  return new Response(bytes, { status: res.status, headers: res.headers });
}

/** Marks this request's answer as one that anonymous visitors may share (see the module comment). */
export function shareAnswer(c: AppContext, answer: SharedAnswer): void {
  c.set('sharedAnswer', answer);
}

/** Called by the app's front middleware once the answer is complete (security headers and request id set). */
export function storeShared(c: AppContext): void {
  const answer = c.get('sharedAnswer');
  if (answer === undefined) return;
  const env = c.env as ({ incoming?: IncomingMessage } & PublicCacheEnv) | undefined;
  const cache = env?.publicCache;
  const incoming = env?.incoming;
  // PUBLIC_CACHE_MB=0 keeps nothing: nothing to prepare either.
  if (!cache || cache.maxBytes === 0 || !incoming?.url) return;
  if (incoming.method !== 'GET' && incoming.method !== 'HEAD') return;
  if (incoming.headers.cookie !== undefined || incoming.headers.authorization !== undefined) return;
  const res = c.res;
  if (res.status !== 200 || res.headers.has('set-cookie')) return;
  // Kept compressed too when worth it: the app's own answer then says it varies by Accept-Encoding, as the kept ones do.
  const compressible = isCompressible(res.headers.get('content-type'), res.headers.get('content-encoding'), answer.bytes.byteLength);
  if (compressible) res.headers.set('Vary', varyWithAcceptEncoding(res.headers.get('vary')));
  const pairs: Array<[string, string]> = [];
  for (const [k, v] of res.headers) if (k !== 'x-request-id' && k !== 'strict-transport-security' && k !== 'content-length') pairs.push([k, v]);
  // Sorted by name, as the adapter writes a Headers object.
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // HSTS depends on the request (https, or a proxy saying so): both sets are kept, the hit picks one.
  const hstsValue = res.headers.get('strict-transport-security') ?? 'max-age=31536000; includeSubDomains';
  const etag = res.headers.get('etag') ?? undefined;
  cache.set(incoming.url, {
    identity: representation(pairs, hstsValue, answer.bytes, etag),
    coded: {},
    pairs: compressible ? pairs : null,
    hstsValue,
    isCurrent: answer.isCurrent,
    size: answer.bytes.byteLength + OVERHEAD,
  });
}

/** A representation's header lists: the app's headers plus X-Request-Id (and HSTS), Content-Length last, as the adapter adds it. */
function representation(pairs: Array<[string, string]>, hstsValue: string, bytes: Uint8Array, etag: string | undefined, coding?: Coding): Representation {
  const lists = (hsts: string | null): [HeaderList, HeaderList] => {
    const withIds: Array<[string, string]> = pairs.map(([k, v]) => [k, k === 'etag' && etag !== undefined ? etag : v]);
    withIds.push(['x-request-id', '']);
    if (hsts !== null) withIds.push(['strict-transport-security', hsts]);
    if (coding) withIds.push(['content-encoding', coding]);
    withIds.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return [headerList(withIds, ['Content-Length', String(bytes.byteLength)]), headerList(withIds.filter(([k]) => k !== 'content-type' && k !== 'content-encoding'))];
  };
  // A Buffer over the same bytes: node turns any other Uint8Array into one on every write.
  const body = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let hsts: [HeaderList, HeaderList] | undefined;
  return { bytes: body, etag, plain: lists(null), hsts: () => (hsts ??= lists(hstsValue)) };
}

function headerList(pairs: Array<[string, string]>, last?: [string, string]): HeaderList {
  const flat: string[] = [];
  let requestIdAt = -1;
  for (const [k, v] of pairs) {
    if (k === 'x-request-id') requestIdAt = flat.length + 1;
    flat.push(k, v);
  }
  if (last) flat.push(...last);
  return { flat, requestIdAt };
}

/** What a hit needs from the server that answers it. */
export interface HitContext {
  /** Whether this request gets Strict-Transport-Security (as the app decides it). */
  isHttps: (req: IncomingMessage) => boolean;
  /** What node adds after a kept-alive answer's headers (prepared-head.ts). */
  keepAliveTail: KeepAliveTail;
}

/** Answers the request from the cache when it can (true), else leaves it untouched (false). */
export function answerFromCache(cache: PublicResponseCache, req: IncomingMessage, res: ServerResponse, hit: HitContext): boolean {
  const method = req.method;
  if ((method !== 'GET' && method !== 'HEAD') || cache.size === 0) return false;
  const h = req.headers;
  if (h.cookie !== undefined || h.authorization !== undefined) return false;
  const e = cache.get(req.url!);
  if (e === undefined || !e.isCurrent()) {
    cache.misses++;
    return false;
  }
  cache.hits++;
  leaveUnread(req);
  const rep = representationFor(cache, req.url!, e, h['accept-encoding']);
  const notModified = rep.etag !== undefined && etagMatches(h['if-none-match'], rep.etag);
  const list = (hit.isHttps(req) ? rep.hsts() : rep.plain)[notModified ? 1 : 0];
  const requestId = crypto.randomUUID();
  if (!notModified && (list.prepared ??= prepareHead(list.flat, list.requestIdAt)) !== null) {
    const tail = hit.keepAliveTail.now();
    if (tail !== null && writePrepared(req, res, list.prepared, tail, requestId, rep.bytes)) return true;
  }
  // The kept list takes this request's id in place: writeHead turns it into the header block at once.
  list.flat[list.requestIdAt] = requestId;
  // A HEAD answer goes without Content-Length, as the app's (the last pair of the 200 list).
  res.writeHead(notModified ? 304 : 200, !notModified && method === 'HEAD' ? list.flat.slice(0, -2) : list.flat);
  if (notModified || method === 'HEAD') res.end();
  else res.end(rep.bytes);
  return true;
}

/**
 * The representation for a request's Accept-Encoding: its compressed copy once made, else the body
 * as it is (the first request that accepts a coding asks the compression thread for the copy).
 */
function representationFor(cache: PublicResponseCache, url: string, e: Entry, acceptEncoding: string | undefined): Representation {
  if (e.pairs === null) return e.identity;
  const coding = preferredCoding(acceptEncoding);
  if (coding === null) return e.identity;
  const rep = e.coded[coding];
  if (rep !== undefined && rep !== 'pending') return rep;
  if (rep === undefined) makeCoded(cache, url, e, e.pairs, coding);
  return e.identity;
}

function makeCoded(cache: PublicResponseCache, url: string, e: Entry, pairs: Array<[string, string]>, coding: Coding): void {
  const made = compressOffThread(e.identity.bytes, coding);
  if (made === undefined) return;
  e.coded[coding] = 'pending';
  void made.then((bytes) => {
    // Kept only while this entry is still the URL's (an answer replaced meanwhile has its own).
    if (cache.get(url) !== e) return;
    cache.addCoded(url, e, coding, representation(pairs, e.hstsValue, bytes, codedEtag(e.identity.etag, coding), coding));
  });
}
