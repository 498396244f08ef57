import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPacer } from "./pause.js";

// Fake timers: these tests check the order of turns and what a cancelled turn does, never real time.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("createPacer", () => {
  it("makes parallel callers take turns: each waits its steps after the previous one's wait", async () => {
    const think = createPacer(100);
    const done: string[] = [];
    const calls = [think(3).then(() => done.push("a")), think(2).then(() => done.push("b")), think(1).then(() => done.push("c"))];
    await vi.advanceTimersByTimeAsync(299);
    expect(done).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toEqual(["a"]);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toEqual(["a", "b"]);
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toEqual(["a", "b", "c"]);
    await Promise.all(calls);
  });

  it("a cancelled turn rejects with the reason and the next caller still gets its turn", async () => {
    const think = createPacer(100);
    const abort = new AbortController();
    const first = think(5, abort.signal);
    const second = think(1);
    abort.abort(new Error("cancelled"));
    await expect(first).rejects.toThrow("cancelled");
    let secondDone = false;
    void second.then(() => (secondDone = true));
    await vi.advanceTimersByTimeAsync(100);
    expect(secondDone).toBe(true);
  });

  it("with a pace of 0 it never waits", async () => {
    const think = createPacer(0);
    let done = false;
    void think(6).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(true);
  });
});
