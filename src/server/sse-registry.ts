/** The open SSE streams of this process: counted for /metrics, closed with a final comment on shutdown. */
export class SseRegistry {
  private readonly open = new Set<(comment: string) => Promise<void>>();

  /** Registers a stream's closer; returns the function that unregisters it. */
  add(close: (comment: string) => Promise<void>): () => void {
    this.open.add(close);
    return () => this.open.delete(close);
  }

  get size(): number {
    return this.open.size;
  }

  /** Ends every stream after writing `comment` (clients reconnect with Last-Event-ID and lose nothing). */
  async closeAll(comment: string): Promise<void> {
    await Promise.all([...this.open].map((close) => close(comment).catch(() => undefined)));
  }
}
