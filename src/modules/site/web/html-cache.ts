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
