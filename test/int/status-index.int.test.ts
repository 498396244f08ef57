import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { RunStatusSchema, ZERO_USAGE, type RunStatus } from "../../src/domain/run.js";
import { redisKeys } from "../../src/store/keys.js";
import { RunStore } from "../../src/store/runs.js";
import { testPrefix } from "../helpers/prefix.js";

// Two connections: two processes that start at the same time after an upgrade.
let a: Redis;
let b: Redis;
beforeAll(() => {
  a = new Redis(inject("redisUrl"));
  b = new Redis(inject("redisUrl"));
});
afterAll(() => {
  a.disconnect();
  b.disconnect();
});

const STATUSES = RunStatusSchema.options;
const base = Date.now() - 3_600_000;
const idOf = (owner: string, i: number) => `rv_${owner.replace(/_/g, "")}${String(i).padStart(12, "0")}`;

/** A run as the store wrote it before the status indexes existed: its hash and its owner's index, nothing else. */
async function writeOldRun(redis: Redis, prefix: string, owner: string, i: number, status: RunStatus): Promise<string> {
  const keys = redisKeys(prefix);
  const id = idOf(owner, i);
  const createdAt = base + i * 1000;
  const record = { id, status, title: `Run ${i}`, engine: "offline", round: "0", rounds: "1", createdAt: new Date(createdAt).toISOString(), usage: JSON.stringify(ZERO_USAGE), owner };
  await redis.multi().hset(keys.run(id), { ...record, request: JSON.stringify({ brief: { title: "T", text: "x" }, options: { rounds: 1 } }) }).zadd(keys.ownerIndex(owner), createdAt, id).exec();
  return id;
}

/** Every status index an id is in, for one owner. */
async function indexesOf(redis: Redis, prefix: string, owner: string, id: string): Promise<RunStatus[]> {
  const keys = redisKeys(prefix);
  const scores = await Promise.all(STATUSES.map((s) => redis.zscore(keys.ownerStatusIndex(owner, s), id)));
  return STATUSES.filter((_, i) => scores[i] !== null);
}

describe("status indexes of runs made before they existed", () => {
  it("a filtered list finds an old run: the first filtered read backfills every owner's runs, once, from two processes at once", async () => {
    const prefix = testPrefix("backfill");
    const keys = redisKeys(prefix);
    // 600 old runs of one owner (more than one ZSCAN page), one of another, and unrelated keys (more than one SCAN page).
    const statusOf = (i: number): RunStatus => STATUSES[i % STATUSES.length] ?? "queued";
    const pipeline = a.pipeline();
    for (let i = 0; i < 2000; i++) pipeline.set(`${prefix}:unrelated:${i}`, "x");
    await pipeline.exec();
    const old = await Promise.all(Array.from({ length: 600 }, (_, i) => writeOldRun(a, prefix, "k_alpha", i, statusOf(i))));
    const lone = await writeOldRun(a, prefix, "local", 0, "completed");
    // A run made after the upgrade is indexed when it is created.
    const fresh = new RunStore(a, keys);
    await fresh.create({ id: idOf("k_alpha", 999), status: "queued", title: "New", engine: "offline", round: 0, rounds: 1, createdAt: new Date().toISOString(), usage: ZERO_USAGE, owner: "k_alpha" }, { brief: { title: "T", text: "x" }, options: { rounds: 1 } });
    expect(await indexesOf(a, prefix, "local", lone)).toEqual([]);

    const [one, two] = [new RunStore(a, keys), new RunStore(b, keys)];
    const [completedLocal, failedAlpha] = await Promise.all([one.list("local", { limit: 10, status: "completed" }), two.list("k_alpha", { limit: 500, status: "failed" })]);
    expect(completedLocal.items.map((r) => r.id)).toEqual([lone]);
    expect(failedAlpha.items.map((r) => r.id)).toEqual(old.filter((_, i) => statusOf(i) === "failed").reverse());
    expect((await one.list("k_alpha", { limit: 500, status: "queued" })).items).toHaveLength(121);
    // Each run in exactly the index of its status.
    for (const [i, id] of old.entries()) expect(await indexesOf(a, prefix, "k_alpha", id), id).toEqual([statusOf(i)]);
    expect(await a.get(keys.statusIndexesBackfilled())).not.toBeNull();
    // Once done, a new process does nothing more than read the marker.
    expect(await new RunStore(b, keys).backfillStatusIndexes()).toBe(0);
  });

  it("is idempotent, repairs a stale entry, and leaves each run in exactly its status's index while statuses change", async () => {
    const prefix = testPrefix("backfill-race");
    const keys = redisKeys(prefix);
    const ids = await Promise.all(Array.from({ length: 300 }, (_, i) => writeOldRun(a, prefix, "k_race", i, "queued")));
    // Left in a wrong index by a move that never completed.
    await a.zadd(keys.ownerStatusIndex("k_race", "failed"), base + 1000, ids[1] ?? "");
    const [one, two, mover] = [new RunStore(a, keys), new RunStore(b, keys), new RunStore(b, keys)];
    // Two backfills and a status change of every other run, all at once.
    const [first, second] = await Promise.all([
      one.backfillStatusIndexes(),
      two.backfillStatusIndexes(),
      ...ids.filter((_, i) => i % 2 === 0).map((id) => mover.update(id, { status: "running" })),
    ]);
    expect(first).toBe(300);
    expect(second).toBe(300);
    const expected = (i: number): RunStatus[] => [i % 2 === 0 ? "running" : "queued"];
    for (const [i, id] of ids.entries()) expect(await indexesOf(a, prefix, "k_race", id), id).toEqual(expected(i));
    // Again, from scratch: the same indexes.
    await a.del(keys.statusIndexesBackfilled());
    expect(await one.backfillStatusIndexes()).toBe(300);
    for (const [i, id] of ids.entries()) expect(await indexesOf(a, prefix, "k_race", id), id).toEqual(expected(i));
  });
});
