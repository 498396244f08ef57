import { describe, expect, it } from "vitest";
import type { RunEvent } from "../domain/events.js";
import { serialiseOnce } from "./shared-reads.js";

const event = (seq: number): RunEvent => ({ seq, runId: "rv_1", at: "2027-01-01T00:00:00.000Z", type: "round.started", round: seq }) as RunEvent;

describe("serialiseOnce", () => {
  it("serialises each event once, and each event to its own JSON", () => {
    const data = serialiseOnce();
    // JSON.stringify calls toJSON once per serialisation: the count shows whether the cache answered.
    let serialisations = 0;
    const counted = (seq: number): RunEvent => {
      const e = event(seq);
      return Object.assign(e, { toJSON: () => ((serialisations += 1), { ...event(seq) }) });
    };
    const first = counted(1);
    const second = counted(2);
    expect([data(first), data(first), data(first)]).toEqual(Array(3).fill(JSON.stringify(event(1))));
    expect(serialisations).toBe(1);
    expect(data(second)).toBe(JSON.stringify(event(2)));
    expect(serialisations).toBe(2);
  });
});
