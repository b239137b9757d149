import crypto from 'node:crypto';
import { etagMatches, etagOf } from '../../../platform/http/etag.js';
/**
 * A small LRU of rendered public pages, bounded by entries and (when sizes are given) by bytes.
 * Keys carry everything the page depends on (program, its last change, index version, language,
 * query string), so an entry is never stale, only unused.
 */
export class HtmlCache<V = string> {
  private readonly map = new Map<string, { v: V; size: number }>();
  private bytes = 0;
  constructor(
    private readonly max = 1000,
    private readonly maxBytes = Infinity,
  ) {}

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.v;
  }

  /** Keeps `value`; `size` (e.g. its bytes) counts against the byte bound. */
  set(key: string, value: V, size = 0): void {
    const old = this.map.get(key);
    if (old !== undefined) {
      this.bytes -= old.size;
      this.map.delete(key);
    }
    this.map.set(key, { v: value, size });
    this.bytes += size;
    for (const [k, e] of this.map) {
      if (this.map.size <= this.max && this.bytes <= this.maxBytes) break;
      this.map.delete(k);
      this.bytes -= e.size;
    }
  }
}

/**
 * A finished answer kept as UTF-8 bytes (a hit is written without encoding the text again) with
 * its ETag (a hash of the bytes), for 304 answers to `If-None-Match`.
 */
export interface CachedBody {
  etag: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export function cachedBody(text: string): CachedBody {
  return cachedBytes(Buffer.from(text, 'utf8'));
}

export function cachedBytes(bytes: Uint8Array<ArrayBuffer>): CachedBody {
  return { etag: etagOf(bytes), bytes };
}

export { etagMatches };

/**
 * A slot marker for HTML rendered once and filled per request. The random part (per process) means
 * no text entered by anyone can contain a marker, so filling a slot can never hit user content.
 */
const NONCE = crypto.randomUUID().replaceAll('-', '');
export const slot = (name: string) => `__jmk_${name}_${NONCE}__`;

/** Escapes a value for an HTML attribute exactly as hono/jsx does (so a slot filled later matches a render). */
export function escapeAttr(s: string): string {
  return s.replace(/[&<>'"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' })[ch]!);
}

/** Renders a synchronous JSX node to a string (throws if a component turned out to be async). */
export function renderSync(node: { toString(): unknown }): string {
  const out: unknown = node.toString();
  if (out instanceof Promise) throw new Error('expected a synchronous render');
  return String(out);
}
