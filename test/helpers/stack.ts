import pino from "pino";
import { afterAll, beforeAll, inject } from "vitest";
import { loadConfig } from "../../src/config.js";
import { startServices, type Roles, type Running } from "../../src/runtime/services.js";

import { testPrefix } from "./prefix.js";

export { testPrefix };

/** Starts API and/or worker in-process against the suite's Redis, on a free port. */
export async function startStack(options: { prefix?: string; roles?: Roles; env?: Record<string, string> } = {}): Promise<Running & { url: string; prefix: string }> {
  const prefix = options.prefix ?? testPrefix();
  const config = loadConfig({
    REDIS_URL: inject("redisUrl"),
    PORT: "0",
    HOST: "127.0.0.1",
    PRFAQ_PREFIX: prefix,
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const running = await startServices(config, options.roles ?? { api: true, worker: true }, { logger: pino({ level: "silent" }) });
  return { ...running, url: running.url ?? "", prefix };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;

/** Starts a stack before a test file's tests and stops it after them; returns a getter for it. */
export function useStack(options: Parameters<typeof startStack>[0] = {}): () => Stack {
  let stack: Stack | undefined;
  beforeAll(async () => {
    stack = await startStack(options);
  });
  afterAll(async () => {
    await stack?.stop();
  });
  return () => {
    if (!stack) throw new Error("the stack is not started yet");
    return stack;
  };
}
