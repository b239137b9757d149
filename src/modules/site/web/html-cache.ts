import crypto from 'node:crypto';
/**
 * A small LRU of rendered public pages. Keys carry everything the page depends on (program, its
 * last change, index version, language, query string), so an entry is never stale, only unused.
 */
export class HtmlCache<V = string> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max = 1000) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

/**
 * A finished answer kept as UTF-8 bytes (a hit is written without encoding the text again) with
 * its ETag (SHA-1 of the bytes), for 304 answers to `If-None-Match`.
 */
export interface CachedBody {
  etag: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export function cachedBody(text: string): CachedBody {
  const bytes = Buffer.from(text, 'utf8');
  return { etag: `"${crypto.createHash('sha1').update(bytes).digest('base64url').slice(0, 22)}"`, bytes };
}

/** Whether `If-None-Match` names this ETag (weak or strong, in a list, or `*`). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((t) => {
    const v = t.trim();
    return v === '*' || v.replace(/^W\//, '') === etag;
  });
}

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
