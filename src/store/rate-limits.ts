import { createHash, randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import type { RedisKeys } from "./keys.js";

/**
 * A sliding-window log: the times of the owner's requests in the last window, in one sorted set. Old
 * entries are dropped, the rest counted, and the request is added only when under the limit, in one
 * script (atomic across API processes). Answers {allowed, count, oldest entry's time}.
 */
const SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, count, tonumber(oldest[2])}
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('PEXPIRE', KEYS[1], window)
return {1, count + 1, 0}
`;
const SHA = createHash("sha1").update(SCRIPT).digest("hex");

export type RateDecision = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/** Counts an owner's requests against a limit (the server's rate limit middleware asks it). */
export interface RateLimiter {
  take(owner: string): Promise<RateDecision>;
}

/**
 * Requests per owner over a sliding window (a fixed window let twice the rate through across its
 * boundary: 240 requests in 1.8 s at 120 a minute).
 */
export class SlidingWindowLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: RedisKeys,
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request of `owner` if it is allowed. */
  async take(owner: string): Promise<RateDecision> {
    const now = this.now();
    const args = [1, this.keys.rateLimit(owner), now, this.windowMs, this.limit, `${now}-${randomBytes(4).toString("hex")}`] as const;
    const reply: unknown = await this.redis.evalsha(SHA, ...args).catch((error: unknown) => {
      // A fresh or restarted Redis has no script cache yet: EVAL loads the script for next time.
      if (error instanceof Error && error.message.startsWith("NOSCRIPT")) return this.redis.eval(SCRIPT, ...args);
      throw error;
    });
    if (!Array.isArray(reply) || typeof reply[0] !== "number" || typeof reply[1] !== "number") throw new Error("unexpected reply from the rate-limit script");
    const [allowed, count, oldest] = reply as [number, number, number];
    return {
      allowed: allowed === 1,
      remaining: Math.max(0, this.limit - count),
      retryAfterSeconds: allowed === 1 ? 0 : Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)),
    };
  }
}
