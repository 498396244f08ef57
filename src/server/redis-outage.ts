import type { Redis } from "ioredis";
import { AppError } from "../domain/errors.js";
import { HttpProblem, problem, type Problem } from "./problem.js";

/** Seconds a client is told to wait while Redis is away (the connection retries every second or two). */
export const REDIS_RETRY_AFTER_SECONDS = 2;

/** The answer of every route while Redis is away: 503 with Retry-After. */
export function redisUnavailable(): { problem: Problem; headers: Record<string, string> } {
  return {
    problem: problem(503, "redis-unavailable", `The service's Redis is not reachable right now; retry in ${REDIS_RETRY_AFTER_SECONDS} s.`),
    headers: { "Retry-After": String(REDIS_RETRY_AFTER_SECONDS) },
  };
}

/**
 * Tells whether an error came from Redis being away: not one of our own errors, and the API's
 * connection is not ready or does not answer a PING within `probeMs`. (ioredis marks its errors by
 * message only; asking Redis itself is the reliable test, and costs nothing on the happy path.) The
 * requests failing together during an outage share one probe, and its verdict stands for `probeMs`.
 */
export function redisOutageProbe(redis: Redis, probeMs = 300): (error: unknown) => Promise<boolean> {
  let last: { at: number; down: Promise<boolean> } | undefined;
  const probe = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), probeMs)));
    try {
      return (await Promise.race([redis.ping(), timeout])) !== "PONG";
    } catch {
      return true;
    } finally {
      clearTimeout(timer);
    }
  };
  return async (error) => {
    if (error instanceof AppError || error instanceof HttpProblem) return false;
    if (redis.status !== "ready") return true;
    // A command that got no answer in time (API_COMMAND_TIMEOUT_MS), even if Redis answers the probe: it is
    // busy, or this process was (ioredis gives this error no code, only its message).
    if (error instanceof Error && error.message === "Command timed out") return true;
    if (!last || Date.now() - last.at > probeMs) last = { at: Date.now(), down: probe() };
    return last.down;
  };
}
