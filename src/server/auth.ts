import { createHash, timingSafeEqual } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { RateLimiter } from "../store/rate-limits.js";
import type { AppEnv } from "./env.js";
import type { FailedAuthLimiter } from "./failed-auth.js";
import { clientAddress } from "./guards.js";
import { problem, sendProblem } from "./problem.js";

/** The owner id of a key: a hash, so keys themselves are never stored. */
export function ownerOf(key: string): string {
  return `k_${createHash("sha256").update(key).digest("hex").slice(0, 20)}`;
}

/** Constant-time membership of `presented` among `secrets` (digests compared, against every secret). */
export function matcher(secrets: readonly string[]): (presented: string | undefined) => boolean {
  const known = secrets.map((k) => Buffer.from(createHash("sha256").update(k).digest("hex")));
  return (presented) => {
    if (!presented) return false;
    const digest = Buffer.from(createHash("sha256").update(presented).digest("hex"));
    // Compare against every key, so timing says nothing about which was close.
    return known.map((k) => timingSafeEqual(k, digest)).some(Boolean);
  };
}

/** The credential a request presents: `Authorization: Bearer <key>`, or on a GET `?access_token=<key>`. */
function presentedKey(c: Context): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "");
  // EventSource cannot send headers: the web page passes the key as ?access_token= (RFC 6750 §2.3),
  // accepted on GET only so that no state-changing request carries a key in its URL.
  return match?.[1] ?? (c.req.method === "GET" ? c.req.query("access_token")?.trim() || undefined : undefined);
}

/**
 * Checks a request's credential against `accept`: 401 when it is missing or wrong, 429 with Retry-After
 * once its address has failed too often (even with a right key then: guessing must not pay).
 */
function guard(c: Context, accept: (key: string | undefined) => boolean, failures: FailedAuthLimiter): { key: string } | Response {
  const address = clientAddress(c);
  const wait = failures.retryAfter(address);
  if (wait > 0) {
    return sendProblem(c, problem(429, "too-many-failed-logins", `Too many requests with a missing or wrong API key from this address; retry in ${wait} s.`), { "Retry-After": String(wait) });
  }
  const presented = presentedKey(c);
  if (!presented || !accept(presented)) {
    failures.fail(address);
    const detail = presented ? "The API key is not valid." : "Send an API key: Authorization: Bearer <key>.";
    return sendProblem(c, problem(401, "unauthorized", detail), { "WWW-Authenticate": 'Bearer realm="prfaq-sim"' });
  }
  return { key: presented };
}

export type AuthOptions = {
  /** API keys; empty = no auth (loopback only). */
  keys: readonly string[];
  /** A token that opens /metrics only (PRFAQ_METRICS_TOKEN). */
  metricsToken?: string | undefined;
  /** Counts failed attempts per client address. */
  failures: FailedAuthLimiter;
};

/**
 * With keys configured, every /v1 request needs `Authorization: Bearer <key>` (401 otherwise) and is
 * owned by that key; a GET may send it as `?access_token=<key>` instead (for EventSource). Without keys
 * everything is owned by "local".
 */
export function bearerAuth(options: AuthOptions): MiddlewareHandler<AppEnv> {
  const isKey = matcher(options.keys);
  return async (c, next) => {
    if (options.keys.length === 0) {
      c.set("owner", "local");
      return next();
    }
    const checked = guard(c, isKey, options.failures);
    if (checked instanceof Response) return checked;
    c.set("owner", ownerOf(checked.key));
    return next();
  };
}

/**
 * /metrics shows every tenant's counts and cost: with API keys (or PRFAQ_METRICS_TOKEN) configured it
 * needs one of them, or the metrics token; open only on a server without either (loopback only).
 */
export function metricsAuth(options: AuthOptions): MiddlewareHandler {
  const accept = matcher([...options.keys, ...(options.metricsToken ? [options.metricsToken] : [])]);
  const open = options.keys.length === 0 && !options.metricsToken;
  return async (c, next) => {
    if (open) return next();
    const checked = guard(c, accept, options.failures);
    return checked instanceof Response ? checked : next();
  };
}

/** Sliding-window rate limit per owner: `perMinute` requests in any 60 s, then 429 with Retry-After. */
export function rateLimit(limiter: RateLimiter, perMinute: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = await limiter.take(c.get("owner"));
    c.header("RateLimit-Limit", String(perMinute));
    c.header("RateLimit-Remaining", String(decision.remaining));
    if (!decision.allowed) {
      const retry = decision.retryAfterSeconds;
      return sendProblem(c, problem(429, "rate-limited", `More than ${perMinute} requests in the last minute; retry in ${retry} s.`), { "Retry-After": String(retry) });
    }
    return next();
  };
}
