/**
 * Failed authentications per client address over a sliding window, kept in this process's memory: an
 * unauthenticated client cannot make the server do Redis work, and a key guesser is slowed to
 * `limit` tries a window per address (per API process). Addresses are forgotten once their window is
 * empty; at most `maxAddresses` are tracked (the oldest go first), so memory stays bounded under a flood.
 */
export class FailedAuthLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly maxAddresses = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `address` may try again, or 0 when it may try now. */
  retryAfter(address: string): number {
    const times = this.recent(address);
    if (times.length < this.limit) return 0;
    return Math.max(1, Math.ceil(((times[0] ?? 0) + this.windowMs - this.now()) / 1000));
  }

  /** Counts a failed attempt of `address`. */
  fail(address: string): void {
    const times = this.recent(address);
    times.push(this.now());
    this.failures.delete(address);
    this.failures.set(address, times);
    if (this.failures.size > this.maxAddresses) this.failures.delete(this.failures.keys().next().value ?? "");
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(address);
    return times;
  }
}
