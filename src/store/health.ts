import type { Redis } from "ioredis";
import { AppError } from "../domain/errors.js";
import type { RedisKeys } from "./keys.js";
import { WorkerPresence } from "./workers.js";

/** What the API asks of its storage besides runs: is it reachable, and are workers there (for /readyz). */
export interface StoreHealth {
  /** `storage`: "ok" or why it is not reachable; `workers`: workers seen in the presence window. */
  check(): Promise<{ storage: string; workers: number }>;
  /**
   * True when `error` came from the storage being away (every route then answers 503 with Retry-After).
   * Our own errors ({@link AppError}) never are.
   */
  isOutage(error: unknown): Promise<boolean>;
}

/**
 * {@link StoreHealth} of a Redis: asks Redis itself whether an error means it is away (ioredis marks its
 * errors by message only; a PING is the reliable test, and costs nothing on the happy path). The
 * requests failing together during an outage share one probe, and its verdict stands for `probeMs`.
 */
export class RedisHealth implements StoreHealth {
  private last: { at: number; down: Promise<boolean> } | undefined;
  private readonly presence: WorkerPresence;

  constructor(
    private readonly redis: Redis,
    keys: RedisKeys,
    private readonly probeMs = 300,
  ) {
    this.presence = new WorkerPresence(redis, keys);
  }

  async check(): Promise<{ storage: string; workers: number }> {
    try {
      await this.redis.ping();
      return { storage: "ok", workers: await this.presence.count() };
    } catch (error) {
      return { storage: error instanceof Error ? error.message : "unreachable", workers: 0 };
    }
  }

  async isOutage(error: unknown): Promise<boolean> {
    if (error instanceof AppError) return false;
    if (this.redis.status !== "ready") return true;
    // A command that got no answer in time (API_COMMAND_TIMEOUT_MS), even if Redis answers the probe: it is
    // busy, or this process was (ioredis gives this error no code, only its message).
    if (error instanceof Error && error.message === "Command timed out") return true;
    if (!this.last || Date.now() - this.last.at > this.probeMs) this.last = { at: Date.now(), down: this.probe() };
    return this.last.down;
  }

  private async probe(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), this.probeMs)));
    try {
      return (await Promise.race([this.redis.ping(), timeout])) !== "PONG";
    } catch {
      return true;
    } finally {
      clearTimeout(timer);
    }
  }
}
