import type { Redis } from "ioredis";
import type { RedisKeys } from "./keys.js";

/** Why a waiter woke: news of the run, its timeout, or the caller's abort or cancel. */
export type WakeReason = "news" | "timeout" | "aborted";

/**
 * Tells this process's SSE streams when a run has new events. One Redis subscriber connection per
 * process, whatever the number of watchers (a blocking read per client would not scale); the
 * watchers then read the stream themselves. A periodic wake-up covers a missed notification.
 */
export class EventHub {
  private readonly waiters = new Map<string, Set<(reason: WakeReason) => void>>();
  private started = false;
  private notifications = 0;

  constructor(
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.subscriber.on("message", (_channel: string, runId: string) => this.notify(runId));
    await this.subscriber.subscribe(this.keys.eventsChannel());
  }

  /**
   * Counts the notifications this process has had. A read started at generation g has seen every event
   * announced up to g: a stream woken by a later notification must not reuse it.
   */
  get generation(): number {
    return this.notifications;
  }

  /** Number of watchers waiting right now (for metrics). */
  get watchers(): number {
    let n = 0;
    for (const set of this.waiters.values()) n += set.size;
    return n;
  }

  /**
   * Registers interest in the run's next event before the caller reads the log (so nothing slips
   * between the read and the wait). `promise` resolves with the reason: news, `timeoutMs` passed, or
   * the signal aborted; `cancel` drops the registration (and resolves it as aborted).
   */
  waiter(runId: string, timeoutMs: number, signal?: AbortSignal): { promise: Promise<WakeReason>; cancel: () => void } {
    let done = (_reason: WakeReason) => {};
    const promise = new Promise<WakeReason>((resolve) => {
      const set = this.waiters.get(runId) ?? new Set<(reason: WakeReason) => void>();
      this.waiters.set(runId, set);
      let settled = false;
      const aborted = () => done("aborted");
      done = (reason) => {
        // Once only: a cancel after a wake-up must not touch the map again, where a newer set of
        // watchers may stand under the same run id by now (deleting it would orphan them).
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", aborted);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(runId) === set) this.waiters.delete(runId);
        resolve(reason);
      };
      const timer = setTimeout(() => done("timeout"), timeoutMs);
      signal?.addEventListener("abort", aborted, { once: true });
      set.add(done);
    });
    return { promise, cancel: () => done("aborted") };
  }

  private notify(runId: string): void {
    this.notifications += 1;
    for (const wake of [...(this.waiters.get(runId) ?? [])]) wake("news");
  }

  async stop(): Promise<void> {
    for (const set of this.waiters.values()) for (const wake of [...set]) wake("aborted");
    if (this.started) await this.subscriber.unsubscribe().catch(() => undefined);
  }
}
