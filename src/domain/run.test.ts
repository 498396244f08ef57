import { describe, expect, it } from "vitest";
import { addCost, RunRecordSchema, sumUsage, UsageSchema } from "./run.js";

const priced = (calls: number, costUsd: number | null) => ({ calls, promptTokens: calls * 100, completionTokens: calls * 10, costUsd });

describe("usage and cost", () => {
  it("adds known costs, and a cost with any unknown part is unknown (null), never a partial sum or 0", () => {
    expect(addCost(0.1, 0.2)).toBe(0.3);
    expect(addCost(0.1, null)).toBeNull();
    expect(addCost(null, 0)).toBeNull();
    expect(sumUsage({ drafter: priced(2, 0.002), leader: priced(1, 0.004) })).toMatchObject({ calls: 3, promptTokens: 300, completionTokens: 30, costUsd: 0.006 });
    const mixed = sumUsage({ drafter: priced(2, 0.002), engineer: priced(3, null) });
    expect(mixed).toMatchObject({ calls: 5, promptTokens: 500, completionTokens: 50, costUsd: null });
    // Per role, the priced role keeps its figure.
    expect(mixed.byRole).toEqual({ drafter: priced(2, 0.002), engineer: priced(3, null) });
    expect(sumUsage({})).toMatchObject({ calls: 0, costUsd: 0 });
  });

  it("the run record and its usage carry null as unknown, and a stored record from before still parses", () => {
    expect(UsageSchema.parse({ ...priced(1, null), byRole: { engineer: priced(1, null) } }).costUsd).toBeNull();
    expect(UsageSchema.safeParse(priced(1, -1)).success).toBe(false);
    const old = { id: "rv_x", status: "completed", title: "T", engine: "openai", round: 1, rounds: 1, createdAt: "2026-01-01T00:00:00.000Z", usage: priced(1, 0.01) };
    expect(RunRecordSchema.parse(old).usage.costUsd).toBe(0.01);
  });
});
