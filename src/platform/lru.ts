/**
 * A least-recently-used map bounded by entries and (when sizes are given) by bytes: the site's
 * rendered pages and parts, the server's shared public answers, and what hot API paths keep between
 * requests (programs, data keys, token answers).
 */
export class LruCache<V> {
  private readonly map = new Map<string, { v: V; size: number }>();
  /** Sum of the sizes given to `set` for the entries kept. */
  bytes = 0;

  constructor(
    private readonly max = 1000,
    private readonly maxBytes = Infinity,
  ) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (e === undefined) return undefined;
    this.map.delete(key);
    this.map.set(key, e);
    return e.v;
  }

  /** Keeps `value`; `size` (e.g. its bytes) counts against the byte bound. The oldest go first. */
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

  delete(key: string): void {
    const e = this.map.get(key);
    if (e === undefined) return;
    this.map.delete(key);
    this.bytes -= e.size;
  }

  clear(): void {
    this.map.clear();
    this.bytes = 0;
  }
}
