import crypto from 'node:crypto';
import { etagOf } from '../../../platform/http/etag.js';
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
