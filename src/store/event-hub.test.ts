import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { EventHub } from "./event-hub.js";
import { redisKeys } from "./keys.js";

// No subscription is started: these tests drive the waiters directly, as a notification would.
const hub = () => new EventHub(undefined as unknown as Redis, redisKeys("t"));
const notify = (h: EventHub, runId: string) => (h as unknown as { notify(runId: string): void }).notify(runId);

describe("EventHub waiters", () => {
  it("a cancel after a wake-up leaves newer watchers of the same run registered", async () => {
    const h = hub();
    const first = h.waiter("rv_1", 60_000);
    notify(h, "rv_1");
    expect(await first.promise).toBe("news");
    // A newer stream registers for the same run, then the first stream's cancel runs late.
    const second = h.waiter("rv_1", 60_000);
    first.cancel();
    expect(h.watchers).toBe(1);
    let woke = false;
    void second.promise.then(() => (woke = true));
    notify(h, "rv_1");
    await second.promise;
    expect(woke).toBe(true);
    expect(h.watchers).toBe(0);
  });

  it("wakes on timeout and on abort, and counts watchers", async () => {
    const h = hub();
    const timed = h.waiter("rv_2", 5);
    const controller = new AbortController();
    const aborted = h.waiter("rv_2", 60_000, controller.signal);
    expect(h.watchers).toBe(2);
    expect(await timed.promise).toBe("timeout");
    controller.abort();
    expect(await aborted.promise).toBe("aborted");
    expect(h.watchers).toBe(0);
  });
});
