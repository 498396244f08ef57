import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { Redis } from "ioredis";
import type { RedisKeys } from "../store/keys.js";
import type { AppEnv } from "./env.js";
import { problem, sendProblem } from "./problem.js";

/** The owner id of a key: a hash, so keys themselves are never stored. */
export function ownerOf(key: string): string {
  return `k_${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

/**
 * With keys configured, every /v1 request needs `Authorization: Bearer <key>` (401 otherwise) and is
 * owned by that key; a GET may send it as `?access_token=<key>` instead (for EventSource). Without keys
 * everything is owned by "local".
 */
export function bearerAuth(keys: readonly string[]): MiddlewareHandler<AppEnv> {
  const known = keys.map((k) => Buffer.from(createHash("sha256").update(k).digest("hex")));
  return async (c, next) => {
    if (keys.length === 0) {
      c.set("owner", "local");
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
    // EventSource cannot send headers: the web page passes the key as ?access_token= (RFC 6750 §2.3),
    // accepted on GET only so that no state-changing request carries a key in its URL.
    const presented = match?.[1] ?? (c.req.method === "GET" ? c.req.query("access_token")?.trim() || undefined : undefined);
    const digest = presented ? Buffer.from(createHash("sha256").update(presented).digest("hex")) : undefined;
    // Compare digests in constant time, against every key, so timing says nothing about which was close.
    const valid = digest !== undefined && known.map((k) => timingSafeEqual(k, digest)).some(Boolean);
    if (!presented || !valid) {
      const detail = presented ? "The API key is not valid." : "Send an API key: Authorization: Bearer <key>.";
      return sendProblem(c, problem(401, "unauthorized", detail), { "WWW-Authenticate": 'Bearer realm="prfaq-sim"' });
    }
    c.set("owner", ownerOf(presented));
    return next();
  };
}

/** Fixed-window rate limit per owner: `perMinute` requests a minute, then 429 with Retry-After. */
export function rateLimit(redis: Redis, keys: RedisKeys, perMinute: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const nowMs = Date.now();
    const minute = Math.floor(nowMs / 60_000);
    const key = keys.rateLimit(c.get("owner"), minute);
    const [[, count] = [null, 0]] = (await redis.multi().incr(key).expire(key, 61).exec()) ?? [];
    const used = typeof count === "number" ? count : 0;
    c.header("RateLimit-Limit", String(perMinute));
    c.header("RateLimit-Remaining", String(Math.max(0, perMinute - used)));
    if (used > perMinute) {
      const retry = Math.max(1, Math.ceil(((minute + 1) * 60_000 - nowMs) / 1000));
      return sendProblem(c, problem(429, "rate-limited", `More than ${perMinute} requests this minute; retry in ${retry} s.`), { "Retry-After": String(retry) });
    }
    return next();
  };
}
