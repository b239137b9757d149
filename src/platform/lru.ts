/**
 * A least-recently-used map bounded by entries and (when sizes are given) by bytes: the site's
 * rendered pages and parts, the server's shared public answers, and what hot API paths keep between
 * requests (programs, data keys, token answers).
 *
 * Recency is kept the CLOCK way (second chance): a read only marks its entry; when room is needed
 * the oldest entry goes unless it was read since it last came round, in which case it moves to the
 * back unmarked. A read is then one lookup rather than a delete and an insert — it sits on the
 * public cache's hit path, once per request — and what goes is still an entry nobody read lately.
 */
export class LruCache<V> {
  private readonly map = new Map<string, { v: V; size: number; read: boolean }>();
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
    e.read = true;
    return e.v;
  }

  /** Keeps `value`; `size` (e.g. its bytes) counts against the byte bound. The oldest go first. */
  set(key: string, value: V, size = 0): void {
    const old = this.map.get(key);
    if (old !== undefined) {
      this.bytes -= old.size;
      this.map.delete(key);
    }
    this.map.set(key, { v: value, size, read: false });
    this.bytes += size;
    while (this.map.size > this.max || this.bytes > this.maxBytes) {
      const [k, e] = this.map.entries().next().value!;
      this.map.delete(k);
      if (e.read) {
        e.read = false;
        this.map.set(k, e);
      } else this.bytes -= e.size;
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
