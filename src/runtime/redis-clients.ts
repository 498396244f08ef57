import { Redis, type RedisOptions } from "ioredis";
import type { Logger } from "pino";
import { redactRedisUrl } from "./redis-server.js";
import { StartupError } from "./startup-error.js";

/**
 * How long an API request waits for one Redis reply. Commands wait through a reconnect (the offline
 * queue) up to this long, then fail, and the request answers 503: with Redis away every route answers
 * within 2 s instead of hanging. Local Redis answers in well under a millisecond; the margin is for a
 * machine so loaded that this process itself stalls.
 */
export const API_COMMAND_TIMEOUT_MS = 1500;

export type Connect = (name: string, options?: { failFast?: boolean }) => Redis;

/**
 * Where Redis is: a URL (its credentials, TLS with `rediss://`, and database), or with Sentinel the
 * sentinels and the master's name, the URL then giving only the credentials, TLS and database.
 */
export type RedisTarget = { url: string; sentinels?: { host: string; port: number }[]; master?: string };

/** A client of `target` with `options` (every connection of the service is made here). */
export function redisClient(target: RedisTarget, options: RedisOptions): Redis {
  if (!target.sentinels?.length) return new Redis(target.url, options);
  const url = new URL(target.url);
  return new Redis({
    sentinels: target.sentinels,
    name: target.master ?? "mymaster",
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(url.pathname.length > 1 ? { db: Number(url.pathname.slice(1)) } : {}),
    // rediss:// asks for TLS to the master and to the sentinels alike.
    ...(url.protocol === "rediss:" ? { tls: {}, sentinelTLS: {}, enableTLSForSentinelMode: true } : {}),
    ...options,
  });
}

/** Where a target is, for messages: `host:port`, or the master's name and its sentinels. */
export function describeTarget(target: RedisTarget): string {
  if (!target.sentinels?.length) return redisAddress(target.url);
  return `master ${target.master ?? "mymaster"} of the sentinels ${target.sentinels.map((s) => `${s.host}:${s.port}`).join(",")}`;
}

/**
 * Opens named connections to `url`. Every client reconnects by itself, forever; worker connections
 * (the default) let their commands wait for Redis to come back (`maxRetriesPerRequest: null`, as BullMQ
 * needs, so a running review pauses instead of failing), API connections (`failFast`) fail a command
 * after {@link API_COMMAND_TIMEOUT_MS}. An outage is logged once per connection, as one line without a
 * stack, and so is the recovery.
 */
export function redisConnector(target: RedisTarget, logger: Logger): Connect {
  return (name, options = {}) => {
    const client = redisClient(target, {
      maxRetriesPerRequest: null,
      connectionName: `prfaq-${name}`,
      ...(options.failFast ? { commandTimeout: API_COMMAND_TIMEOUT_MS } : {}),
    });
    let down = false;
    client.on("error", (err: Error) => {
      if (down) return;
      down = true;
      logger.warn({ connection: name, err: err.message }, "redis unreachable; reconnecting");
    });
    client.on("ready", () => {
      if (!down) return;
      down = false;
      logger.info({ connection: name }, "redis reachable again");
    });
    return client;
  };
}

/** `host:port` of a Redis URL, for messages. */
export function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}`;
  } catch {
    return redactRedisUrl(url);
  }
}

/**
 * Checks, before anything starts, that the Redis at `url` answers, accepts our credentials and never
 * evicts keys (BullMQ's jobs and our runs would vanish under memory pressure). Fails within about
 * `timeoutMs` with a {@link StartupError} naming the problem and the fix.
 */
export async function preflightRedis(target: RedisTarget, timeoutMs = 5000): Promise<void> {
  const where = describeTarget(target);
  const client = redisClient(target, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, sentinelRetryStrategy: () => null, enableOfflineQueue: false });
  // connect() rejects with "Connection is closed."; the error event has the cause (ECONNREFUSED, WRONGPASS).
  let cause: unknown;
  client.on("error", (error: unknown) => (cause ??= error));
  try {
    await withTimeout(client.connect(), timeoutMs);
    const info = await withTimeout(client.info("memory"), timeoutMs);
    const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1];
    if (policy && policy !== "noeviction") {
      throw new StartupError(
        `the Redis at ${where} evicts keys (maxmemory-policy ${policy}), which would lose queued reviews and transcripts: set maxmemory-policy noeviction on it (redis-cli CONFIG SET maxmemory-policy noeviction, and in its redis.conf), or unset REDIS_URL to use the private Redis`,
      );
    }
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(describeRedisFailure(where, cause ?? error), { cause: cause ?? error });
  } finally {
    client.disconnect();
  }
}

function describeRedisFailure(where: string, error: unknown): string {
  const code = typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
  const message = error instanceof Error ? error.message : String(error);
  // Redis replies start with their error code (NOAUTH, WRONGPASS): the protocol's own identifier.
  if (/^(NOAUTH|WRONGPASS)/.test(message)) {
    return `the Redis at ${where} refused our credentials (${message.split(" ")[0]}): put the right password in REDIS_URL (redis://:PASSWORD@host:port), or unset REDIS_URL to use the private Redis`;
  }
  const why = code === "ENOTFOUND" || code === "EAI_AGAIN" ? "its host name does not resolve" : code ? `${code}` : message;
  return `cannot reach the Redis at ${where} (${why}): start that Redis or correct REDIS_URL, or unset REDIS_URL to use the private Redis`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: "ETIMEDOUT" })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
