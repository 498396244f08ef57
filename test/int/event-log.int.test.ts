import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { eventKey } from "../../src/domain/events.js";
import { EventHub } from "../../src/store/event-hub.js";
import { EventLog } from "../../src/store/event-log.js";
import { redisKeys } from "../../src/store/keys.js";
import { RunCancelledError, RunFinishedError } from "../../src/store/run-ledger.js";
import { testPrefix } from "../helpers/prefix.js";

let redis: Redis;
let subscriber: Redis;
const keys = redisKeys(testPrefix("log"));

beforeAll(() => {
  redis = new Redis(inject("redisUrl"));
  subscriber = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  const leftovers = await redis.keys(`${keys.run("*")}`);
  if (leftovers.length) await redis.del(...leftovers);
  redis.disconnect();
  subscriber.disconnect();
});

const round = (n: number) => ({ type: "round.started" as const, key: eventKey("round.started", n), round: n });

describe("EventLog", () => {
  it("appends by the script's SHA, and still appends after Redis lost its script cache (a restart)", async () => {
    const log = new EventLog(redis, keys);
    expect(await log.append("rv_s", round(1))).toEqual({ seq: 1, appended: true });
    await redis.script("FLUSH");
    expect(await log.append("rv_s", round(2))).toEqual({ seq: 2, appended: true });
    expect(await log.append("rv_s", round(3), false)).toEqual({ seq: 3, appended: true });
  });

  it("appends nothing once the run's cancel is requested or it has ended, unless told not to check (the terminal event)", async () => {
    const log = new EventLog(redis, keys);
    expect(await log.append("rv_x", round(1))).toEqual({ seq: 1, appended: true });
    await redis.hset(keys.run("rv_x"), "cancelRequested", "1");
    await expect(log.append("rv_x", round(2))).rejects.toBeInstanceOf(RunCancelledError);
    expect((await log.readAll("rv_x")).map((e) => e.seq)).toEqual([1]);
    // The terminal event is written without the check.
    expect(await log.append("rv_x", round(3), false)).toEqual({ seq: 2, appended: true });
    await redis.hset(keys.run("rv_y"), "status", "completed");
    await expect(log.append("rv_y", round(1))).rejects.toBeInstanceOf(RunFinishedError);
    expect(await log.readAll("rv_y")).toEqual([]);
  });

  it("numbers events 1, 2, 3 and appends each key once, however often a step replays", async () => {
    const log = new EventLog(redis, keys, () => new Date("2027-01-01T00:00:00Z"));
    expect(await log.append("rv_a", round(1))).toEqual({ seq: 1, appended: true });
    expect(await log.append("rv_a", round(2))).toEqual({ seq: 2, appended: true });
    // A replayed step: same key, same seq, nothing new.
    expect(await log.append("rv_a", round(1))).toEqual({ seq: 1, appended: false });
    expect(await log.append("rv_a", round(3))).toEqual({ seq: 3, appended: true });
    const events = await log.readAll("rv_a");
    expect(events).toEqual([1, 2, 3].map((n) => ({ seq: n, runId: "rv_a", at: "2027-01-01T00:00:00.000Z", type: "round.started", round: n })));
    expect((await log.read("rv_a", 2)).map((e) => e.seq)).toEqual([3]);
    expect(await log.lastSeq("rv_a")).toBe(3);
    expect(await log.lastSeq("rv_none")).toBe(0);
  });

  it("keeps concurrent appends gap-free and unique", async () => {
    const log = new EventLog(redis, keys);
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append("rv_b", round(i + 1))));
    await Promise.all(Array.from({ length: 50 }, (_, i) => log.append("rv_b", round(i + 1))));
    const seqs = (await log.readAll("rv_b")).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it("wakes a waiter in this process when another connection appends", async () => {
    const hub = new EventHub(subscriber, keys);
    await hub.start();
    const log = new EventLog(redis, keys);
    // The waiter's own timeout tells a missed wake-up ("timeout") from news; a hang is the test timeout's to catch.
    const wait = hub.waiter("rv_c", 10_000);
    await log.append("rv_c", round(1));
    expect(await wait.promise).toBe("news");
    expect(hub.watchers).toBe(0);
    await hub.stop();
  });
});
