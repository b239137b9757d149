import crypto from 'node:crypto';
/**
 * A small LRU of rendered public pages. Keys carry everything the page depends on (program, its
 * last change, index version, language, query string), so an entry is never stale, only unused.
 */
export class HtmlCache {
  private readonly map = new Map<string, string>();
  constructor(private readonly max = 1000) {}

  get(key: string): string | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: string): void {
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
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
