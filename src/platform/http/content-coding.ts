import zlib from 'node:zlib';
import Negotiator from 'negotiator';
import { LruCache } from '../lru.js';

/**
 * Content codings for the shared public answers (public-cache.ts): which answers are worth
 * compressing, which coding a request accepts (Accept-Encoding, negotiated by `negotiator`), and the
 * compression itself.
 */

export type Coding = 'br' | 'gzip';

/** Under this a compressed body saves less than the headers it needs. */
const MIN_BYTES = 1024;
const TEXTUAL = /^(text\/|application\/(json|problem\+json|javascript|xml)|image\/svg\+xml)/i;

/** Whether an answer of this type and size (not already coded) is worth keeping compressed too. */
export function isCompressible(contentType: string | null, contentEncoding: string | null, bytes: number): boolean {
  return bytes >= MIN_BYTES && contentEncoding === null && contentType !== null && TEXTUAL.test(contentType);
}

const OFFERED = ['br', 'gzip', 'identity'];
/** Accept-Encoding values seen (browsers send a handful): negotiated once each. */
const negotiated = new LruCache<Coding | null>(256);

/** The coding to answer with for this Accept-Encoding (null: the body as it is). */
export function preferredCoding(acceptEncoding: string | undefined): Coding | null {
  if (acceptEncoding === undefined || acceptEncoding === '') return null;
  const known = negotiated.get(acceptEncoding);
  if (known !== undefined) return known;
  const best = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }).encoding(OFFERED, { preferred: OFFERED });
  const coding = best === 'br' || best === 'gzip' ? best : null;
  negotiated.set(acceptEncoding, coding);
  return coding;
}

/**
 * Compresses `bytes` with `coding` on the calling thread: brotli at quality 4, gzip at level 6 take
 * 0.1–0.2 ms for a search page or API answer. Kept answers are compressed on the compression thread
 * (compress-thread.ts, with the same options); this is its fallback. zlib's own asynchronous calls
 * cost the event loop more than the compression in stream set-up alone (profiled: 0.3 ms each).
 * The result has a buffer of its own, of its own length: zlib answers a small output as a view of
 * its 16 KB output chunk, so a kept 1 KB copy would hold 16 KB that PUBLIC_CACHE_MB never counts.
 */
export function compress(bytes: Uint8Array, coding: Coding): Uint8Array {
  const options = compressOptions(coding, bytes.byteLength);
  const out = coding === 'gzip' ? zlib.gzipSync(bytes, options) : zlib.brotliCompressSync(bytes, options);
  return out.byteLength === out.buffer.byteLength ? out : new Uint8Array(out);
}

/** zlib's options for `coding` (plain data: the compression thread gets them in its message, compress-thread.ts). */
export function compressOptions(coding: Coding, size: number): zlib.ZlibOptions & zlib.BrotliOptions {
  const C = zlib.constants;
  return coding === 'gzip' ? { level: 6 } : { params: { [C.BROTLI_PARAM_QUALITY]: 4, [C.BROTLI_PARAM_MODE]: C.BROTLI_MODE_TEXT, [C.BROTLI_PARAM_SIZE_HINT]: size } };
}

/** The ETag of a coded variant: a representation of its own, so a tag of its own (as nginx and Apache do). */
export function codedEtag(etag: string | undefined, coding: Coding): string | undefined {
  return etag === undefined ? undefined : `${etag.slice(0, -1)}-${coding}"`;
}

/** `Vary` with Accept-Encoding added (null: no Vary yet). */
export function varyWithAcceptEncoding(vary: string | null): string {
  if (vary === null || vary.trim() === '') return 'Accept-Encoding';
  return /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
}
