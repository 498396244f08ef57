import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZERO_USAGE, type RunRecord } from "../../src/domain/run.js";
import { startPrivateRedis, type PrivateRedis } from "../../src/runtime/redis-server.js";
import { redisKeys } from "../../src/store/keys.js";
import { SlidingWindowLimiter } from "../../src/store/rate-limits.js";
import { RunStore } from "../../src/store/runs.js";
import { testPrefix } from "../helpers/prefix.js";

/** A Redis of this file's own: its command statistics must count only what this file does. */
let dir: string;
let server: PrivateRedis;
let redis: Redis;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "prfaq-limits-"));
  server = await startPrivateRedis({ dir, persist: false });
  redis = new Redis(server.url);
});
afterAll(async () => {
  redis.disconnect();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("sliding-window rate limit", () => {
  it("never lets more than the limit through in any 60 s, across a minute boundary too", async () => {
    let now = 119_900; // 100 ms before a minute boundary
    const limiter = new SlidingWindowLimiter(redis, redisKeys(testPrefix("rl")), 5, 60_000, () => now);
    const before = await Promise.all(Array.from({ length: 5 }, () => limiter.take("k")));
    expect(before.map((d) => d.allowed)).toEqual([true, true, true, true, true]);
    now += 200; // the next minute: a fixed window would start counting afresh
    const after = await limiter.take("k");
    expect(after).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
    now += 59_801; // 60 s after the first five
    expect((await limiter.take("k")).allowed).toBe(true);
  });
});

describe("status filters", () => {
  it("read the status's own index: a page of failed runs costs one record read, not one per run", async () => {
    const prefix = testPrefix("status");
    const runs = new RunStore(redis, redisKeys(prefix));
    const owner = "k_owner";
    const base = Date.now() - 3_600_000;
    const record = (i: number): RunRecord => ({ id: `rv_${String(i).padStart(20, "0")}`, status: "queued", title: `Run ${i}`, engine: "offline", round: 0, rounds: 1, createdAt: new Date(base + i * 1000).toISOString(), usage: ZERO_USAGE, owner });
    const request = { brief: { title: "T", text: "x" }, options: { rounds: 1 } } as const;
    for (let i = 0; i < 300; i++) await runs.create(record(i), request as never);
    // The oldest run failed, one ran; the rest wait.
    await runs.update(record(0).id, { status: "failed", finishedAt: new Date().toISOString(), error: { code: "internal", message: "x" } });
    await runs.update(record(1).id, { status: "running" });

    await redis.config("RESETSTAT");
    const failed = await runs.list(owner, { limit: 1, status: "failed" });
    const reads = /cmdstat_hgetall:calls=(\d+)/.exec(await redis.info("commandstats"))?.[1];
    expect(failed.items.map((r) => [r.id, r.status])).toEqual([[record(0).id, "failed"]]);
    expect(Number(reads)).toBe(1);

    expect((await runs.list(owner, { limit: 10, status: "running" })).items.map((r) => r.id)).toEqual([record(1).id]);
    expect((await runs.list(owner, { limit: 500, status: "queued" })).items).toHaveLength(298);
    expect((await runs.list(owner, { limit: 500, status: "completed" })).items).toEqual([]);
  });
});
