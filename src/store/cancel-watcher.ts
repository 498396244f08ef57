import type { Redis } from "ioredis";
import type { RedisKeys } from "./keys.js";
import { RunCancelledError } from "./run-ledger.js";

/**
 * Aborts this worker's running reviews when their cancel is requested. One subscriber connection per
 * worker process; the abort reaches LangGraph (which stops at the next step) and in-flight model calls.
 */
export class CancelWatcher {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly subscriber: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async start(): Promise<void> {
    this.subscriber.on("message", (channel: string, runId: string) => {
      if (channel === this.keys.cancelChannel()) this.running.get(runId)?.abort(new RunCancelledError(runId));
    });
    await this.subscriber.subscribe(this.keys.cancelChannel());
  }

  /** A controller for a run; aborted when the run's cancel is requested. */
  track(runId: string): AbortController {
    const controller = new AbortController();
    this.running.set(runId, controller);
    return controller;
  }

  release(runId: string): void {
    this.running.delete(runId);
  }

  async stop(): Promise<void> {
    await this.subscriber.unsubscribe().catch(() => undefined);
  }
}
