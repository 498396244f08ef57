/** The open SSE streams of this process: counted for /metrics and per key, closed with a final comment on shutdown. */
export class SseRegistry {
  private readonly open = new Set<(comment: string) => Promise<void>>();
  private readonly byOwner = new Map<string, number>();

  /** Registers a stream of `owner` and its closer; returns the function that unregisters it (once). */
  add(owner: string, close: (comment: string) => Promise<void>): () => void {
    this.open.add(close);
    this.byOwner.set(owner, (this.byOwner.get(owner) ?? 0) + 1);
    let removed = false;
    return () => {
      if (removed) return;
      removed = true;
      this.open.delete(close);
      const left = (this.byOwner.get(owner) ?? 1) - 1;
      if (left > 0) this.byOwner.set(owner, left);
      else this.byOwner.delete(owner);
    };
  }

  get size(): number {
    return this.open.size;
  }

  /** Streams `owner` has open on this process. */
  countOf(owner: string): number {
    return this.byOwner.get(owner) ?? 0;
  }

  /** Ends every stream after writing `comment` (clients reconnect with Last-Event-ID and lose nothing). */
  async closeAll(comment: string): Promise<void> {
    await Promise.all([...this.open].map((close) => close(comment).catch(() => undefined)));
  }
}
