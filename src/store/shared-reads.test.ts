import { describe, expect, it } from "vitest";
import type { RunEvent } from "../domain/events.js";
import { coalesceReads } from "./shared-reads.js";

const event = (seq: number): RunEvent => ({ seq, runId: "rv_1", at: "2027-01-01T00:00:00.000Z", type: "round.started", round: seq }) as RunEvent;

describe("coalesceReads", () => {
  it("answers concurrent reads of the same run and cursor with one read", async () => {
    const calls: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const read = coalesceReads(async (runId, after) => {
      calls.push(`${runId}@${after}`);
      await gate;
      return [event(after + 1)];
    }, () => 0);
    const reads = [read("rv_1", 3), read("rv_1", 3), read("rv_1", 4), read("rv_2", 3)];
    release();
    const [a, b, c] = await Promise.all(reads);
    expect(calls).toEqual(["rv_1@3", "rv_1@4", "rv_2@3"]);
    expect(a).toBe(b);
    expect(c?.[0]?.seq).toBe(5);
  });

  it("never shares a read that started before the news a stream woke for", async () => {
    let generation = 0;
    let calls = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const read = coalesceReads(async () => {
      calls += 1;
      await gate;
      return [];
    }, () => generation);
    const early = read("rv_1", 7);
    generation += 1; // an event was appended and announced while the first read was in flight
    const woken = read("rv_1", 7);
    const alsoWoken = read("rv_1", 7);
    release();
    await Promise.all([early, woken, alsoWoken]);
    expect(calls).toBe(2);
  });

  it("keeps nothing once a read settles, and passes failures to every waiter", async () => {
    let n = 0;
    const read = coalesceReads(async () => {
      n += 1;
      if (n === 2) throw new Error("redis down");
      return [];
    }, () => 0);
    await read("rv_1", 0);
    await expect(Promise.all([read("rv_1", 0), read("rv_1", 0)])).rejects.toThrow("redis down");
    await read("rv_1", 0);
    expect(n).toBe(3);
  });

});
