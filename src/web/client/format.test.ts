import { describe, expect, it } from "vitest";
import { formatCost, formatPercent, formatTokens, formatUsage, initials, joinAnd, memoFileName, statusLine } from "./format.js";
import { emptyView, type RunView } from "./view-model.js";

const view = (patch: Partial<RunView>): RunView => ({ ...emptyView("rv_x", { rounds: 3 }), ...patch });

describe("formatting", () => {
  it("counts tokens and cost compactly", () => {
    expect([0, 950, 1000, 1234, 12_345, 2_500_000].map(formatTokens)).toEqual(["0", "950", "1k", "1.2k", "12k", "2.5M"]);
    expect([0, 0.00423, 1.234].map(formatCost)).toEqual(["$0", "$0.0042", "$1.23"]);
    expect(formatUsage({ calls: 10, promptTokens: 11_000, completionTokens: 1_345, costUsd: 0.0042 })).toBe("12k tokens · 10 calls · $0.0042");
    expect(formatUsage({ calls: 1, promptTokens: 0, completionTokens: 0, costUsd: 0 })).toBe("0 tokens · 1 call · $0");
    expect(formatPercent(0.834)).toBe("83%");
  });

  it("joins names and makes initials and file names", () => {
    expect([[], ["a"], ["a", "b"], ["a", "b", "c"]].map(joinAnd)).toEqual(["", "a", "a and b", "a, b and c"]);
    expect(initials("Kayla Brooks")).toBe("KB");
    expect(initials("engineer")).toBe("E");
    expect(initials("Leader (bar raiser)")).toBe("L");
    expect(memoFileName("RefillReady: refills <for> vets!", "rv_abc")).toBe("memo-refillready-refills-for-vets-rv_abc.md");
    expect(memoFileName("???", "rv_abc")).toBe("memo-rv_abc.md");
  });
});

describe("the status line", () => {
  const thinking = (agent: string, lane: RunView["participants"][number]["lane"], name: string) => ({ agent, lane, name, thinking: true });

  it("says where the meeting is", () => {
    expect(statusLine(view({ status: "connecting" }))).toBe("Connecting to the meeting...");
    expect(statusLine(view({ status: "queued" }))).toMatch(/^Queued/);
    expect(statusLine(view({ status: "running" }))).toBe("The meeting is starting...");
    expect(statusLine(view({ status: "running", round: 2, participants: [thinking("leader", "leader", "Leader")] }))).toBe("Round 2 of 3: the leader is deciding...");
    expect(statusLine(view({ status: "running", round: 3, concluding: true, participants: [thinking("leader", "leader", "Leader")] }))).toBe("Round 3 of 3: the leader is writing the memo...");
    expect(statusLine(view({ status: "running", round: 1, participants: [thinking("drafter", "drafter", "Drafter")] }))).toBe("Round 1 of 3: the drafter is writing version 1...");
    expect(statusLine(view({ status: "running", round: 1, participants: [thinking("customer:k", "customer", "Kayla Brooks"), thinking("engineer", "engineer", "Engineer")] }))).toBe(
      "Round 1 of 3: Kayla Brooks and Engineer are reading...",
    );
  });

  it("says how it ended", () => {
    expect(statusLine(view({ status: "completed", round: 2, verdict: { decision: "fund", confidence: 0.95, score: 100 } }))).toBe("Done after 2 rounds: FUND (95% confidence).");
    expect(statusLine(view({ status: "failed", error: { code: "x", message: "model timed out" } }))).toBe("Failed: model timed out.");
    expect(statusLine(view({ status: "cancelled" }))).toBe("Cancelled.");
  });
});
