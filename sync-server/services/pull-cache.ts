/**
 * Serialised pull answers shared by every client that asks the same question. When 200 clients
 * are poked by one commit they all pull from the same checkpoint: one query and one JSON text
 * serve them all. The key holds the committed sequence counter read for the request, so an
 * answer is only reused while no commit has happened since it was made: a page for
 * (collection, contracts, since, limit) is fully determined by the commits up to that counter
 * (a later write always moves the counter). Bounded by entries and bytes, least recently used out.
 */
export interface PullKey {
  readonly collection: string;
  readonly contractIds: readonly string[];
  readonly since: number;
  readonly limit: number;
  /** The store's sequence counter when the request was served. */
  readonly counter: number;
}

export class PullCache {
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(
    private readonly maxEntries = 256,
    private readonly maxBytes = 32 * 1024 * 1024,
  ) {}

  static key(key: PullKey): string {
    return JSON.stringify([key.collection, [...key.contractIds].sort(), key.since, key.limit, key.counter]);
  }

  get(key: string): string | undefined {
    const text = this.entries.get(key);
    if (text === undefined) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, text);
    return text;
  }

  set(key: string, text: string): void {
    if (text.length > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, text);
    this.bytes += text.length;
    for (const [oldest, value] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= value.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
