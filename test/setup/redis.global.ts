import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startPrivateRedis } from "../../src/runtime/redis-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/** One throwaway redis-server for the whole suite, on a free port in a temp dir; tests isolate by key prefix. */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), "prfaq-test-redis-"));
  const redis = await startPrivateRedis({ dir, persist: false });
  project.provide("redisUrl", redis.url);
  return async () => {
    await redis.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
