import { problem, type Problem } from "./problem.js";

/** Seconds a client is told to wait while storage is away (the connection retries every second or two). */
export const STORE_RETRY_AFTER_SECONDS = 2;

/** The answer of every route while storage (Redis) is away: 503 with Retry-After. */
export function storeUnavailable(): { problem: Problem; headers: Record<string, string> } {
  return {
    problem: problem(503, "redis-unavailable", `The service's Redis is not reachable right now; retry in ${STORE_RETRY_AFTER_SECONDS} s.`),
    headers: { "Retry-After": String(STORE_RETRY_AFTER_SECONDS) },
  };
}
