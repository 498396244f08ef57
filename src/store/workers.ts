import type { Redis } from "ioredis";
import type { RedisKeys } from "./keys.js";

/** How long a worker counts as present after its last heartbeat. */
export const WORKER_PRESENCE_MS = 30_000;

/**
 * Which workers are alive, for /readyz: one sorted set, worker id scored by its last heartbeat (ms).
 * Counting is one ZCOUNT, whatever else Redis holds (a SCAN for heartbeat keys read only its first page,
 * and said "no worker" once Redis held about a thousand other keys).
 */
export class WorkerPresence {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a heartbeat of `workerId`, and forgets workers silent for longer than the presence window. */
  async beat(workerId: string): Promise<void> {
    const now = this.now();
    await this.redis
      .multi()
      .zadd(this.keys.workers(), now, workerId)
      .zremrangebyscore(this.keys.workers(), "-inf", `(${now - WORKER_PRESENCE_MS}`)
      .pexpire(this.keys.workers(), WORKER_PRESENCE_MS * 2)
      .exec();
  }

  /** A worker stopping on purpose leaves at once. */
  async leave(workerId: string): Promise<void> {
    await this.redis.zrem(this.keys.workers(), workerId);
  }

  /** Workers with a heartbeat in the last {@link WORKER_PRESENCE_MS}. */
  async count(): Promise<number> {
    return this.redis.zcount(this.keys.workers(), `(${this.now() - WORKER_PRESENCE_MS}`, "+inf");
  }
}
