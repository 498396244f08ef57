import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";
import { redisKeys } from "../../src/store/keys.js";
import { WORKER_PRESENCE_MS, WorkerPresence } from "../../src/store/workers.js";
import { startStack } from "../helpers/stack.js";
import { testPrefix } from "../helpers/prefix.js";

/** A Redis of this file's own: it gets 100,000 keys, which the suite's shared one should not carry. */
let dir: string;
let redis: PrivateRedis;
let client: Redis;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-readiness-"));
  redis = await startPrivateRedis({ dir, persist: false });
  client = new Redis(redis.url);
});
afterAll(async () => {
  client.disconnect();
  await redis.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("/readyz", () => {
  it("sees the worker with 100,000 unrelated keys in Redis", async () => {
    const prefix = testPrefix("ready");
    for (let batch = 0; batch < 100; batch++) {
      const pairs = Array.from({ length: 1000 }, (_, i) => [`${prefix}:unrelated:${batch * 1000 + i}`, "x"]).flat();
      await client.mset(...pairs);
    }
    expect(await client.dbsize()).toBeGreaterThanOrEqual(100_000);
    const stack = await startStack({ prefix, env: { REDIS_URL: redis.url } });
    try {
      const res = await fetch(`${stack.url}/readyz`);
      expect(await res.json()).toEqual({ status: "ready", redis: "ok", workers: 1 });
      expect(res.status).toBe(200);
    } finally {
      await stack.stop();
    }
    // A worker that stopped has left: not ready any more.
    const api = await startStack({ prefix, env: { REDIS_URL: redis.url }, roles: { api: true, worker: false } });
    try {
      const res = await fetch(`${api.url}/readyz`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { detail: string }).detail).toMatch(/No worker has been seen/);
    } finally {
      await api.stop();
    }
  });

  it("counts a worker for 30 s after its last heartbeat, then forgets it", async () => {
    let now = 1_000_000;
    const presence = new WorkerPresence(client, redisKeys(testPrefix("presence")), () => now);
    await presence.beat("w1");
    await presence.beat("w2");
    expect(await presence.count()).toBe(2);
    now += WORKER_PRESENCE_MS - 1;
    await presence.beat("w2");
    expect(await presence.count()).toBe(2);
    now += 2;
    expect(await presence.count()).toBe(1);
    await presence.leave("w2");
    expect(await presence.count()).toBe(0);
  });
});
