import { describe, expect, it } from "vitest";
import type { Economics } from "../../domain/economics.js";
import { economicsFigures, formatAge, formatCost, formatMoney, formatPercent, formatTokens, formatUsage, formatVotes, initials, joinAnd, memoFileName, plainMessage, sentence, statusLine } from "./format.js";
import { emptyView, type RunView } from "./view-model.js";

const view = (patch: Partial<RunView>): RunView => ({ ...emptyView("rv_x", { rounds: 3 }), ...patch });

describe("formatting", () => {
  it("counts tokens and cost compactly", () => {
    expect([0, 950, 1000, 1234, 12_345, 2_500_000].map(formatTokens)).toEqual(["0", "950", "1k", "1.2k", "12k", "2.5M"]);
    expect([0, 0.00423, 1.234, null].map(formatCost)).toEqual(["$0", "$0.0042", "$1.23", "cost unknown"]);
    expect(formatUsage({ calls: 10, promptTokens: 11_000, completionTokens: 1_345, costUsd: 0.0042 })).toBe("12k tokens · 10 calls · $0.0042");
    expect(formatUsage({ calls: 1, promptTokens: 0, completionTokens: 0, costUsd: 0 })).toBe("0 tokens · 1 call · $0");
    expect(formatUsage({ calls: 5, promptTokens: 1200, completionTokens: 300, costUsd: null })).toBe("1.5k tokens · 5 calls · cost unknown");
    expect(formatPercent(0.834)).toBe("83%");
    // A model with no known price reports a null cost: never shown as free.
    expect(formatUsage({ calls: 2, promptTokens: 900, completionTokens: 100, costUsd: null })).toBe("1k tokens · 2 calls · cost unknown");
  });

  it("writes messages as sentences and the API's validation messages in words", () => {
    expect(sentence("the model endpoint is unreachable.")).toBe("The model endpoint is unreachable.");
    expect(sentence("no stop at the end")).toBe("No stop at the end.");
    expect(sentence("Ends with a quote: \"x.\"")).toBe("Ends with a quote: \"x.\"");
    expect(plainMessage("Too big: expected array to have <=5 items")).toBe("At most 5 items.");
    expect(plainMessage("Too big: expected string to have <=200 characters")).toBe("At most 200 characters.");
    expect(plainMessage("Too small: expected string to have >=1 characters")).toBe("This cannot be empty.");
    expect(plainMessage("Invalid input: expected string, received undefined")).toBe("This is required.");
    expect(plainMessage("at most 6 on this server")).toBe("At most 6 on this server.");
  });

  it("says how long ago a run started", () => {
    const now = new Date("2027-01-10T12:00:00Z");
    expect(["2027-01-10T11:59:40Z", "2027-01-10T11:55:00Z", "2027-01-10T09:00:00Z", "2027-01-08T12:00:00Z"].map((t) => formatAge(t, now))).toEqual(["just now", "5 minutes ago", "3 hours ago", "2 days ago"]);
  });

  it("joins names and makes initials and file names", () => {
    expect([[], ["a"], ["a", "b"], ["a", "b", "c"]].map(joinAnd)).toEqual(["", "a", "a and b", "a, b and c"]);
    expect(initials("Kayla Brooks")).toBe("KB");
    expect(initials("engineer")).toBe("E");
    expect(initials("Bar raiser")).toBe("BR");
    expect(memoFileName("RefillReady: refills <for> vets!", "rv_abc")).toBe("memo-refillready-refills-for-vets-rv_abc.md");
    expect(memoFileName("???", "rv_abc")).toBe("memo-rv_abc.md");
  });
});

describe("the status line", () => {
  const thinking = (agent: string, lane: RunView["participants"][number]["lane"], name: string) => ({ agent, lane, name, thinking: true });

  it("says when an agent waits to try a failed model call again", () => {
    const retrying = { agent: "finance", lane: "finance" as const, name: "Finance", thinking: true, retry: { attempt: 1, waitMs: 2000, reason: "rate-limited (429)" } };
    expect(statusLine(view({ status: "running", round: 1, participants: [retrying] }))).toBe("Round 1 of 3: Finance is waiting to try again: the model call failed (rate-limited (429)); attempt 2 in 2 s.");
  });

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

describe("the memo's figures and the votes", () => {
  const none: Economics = {
    currency: null, pricePerMonth: null, costToServePerMonth: null, grossMarginPct: null, marketCustomers: null, tamPerYear: null,
    targetCustomers: null, targetRevenuePerYear: null, buildCost: null, paybackMonths: null, breakEvenCustomers: null, valuePerYear: null, lines: [],
  };

  it("writes money in the economics' currency, negatives with the sign first, and null as unknown", () => {
    expect(formatMoney(25_704_000, "USD")).toBe("$25,704,000");
    expect(formatMoney(-41.5, "GBP")).toBe("-£41.5");
    expect(formatMoney(12, null)).toBe("12");
    expect(formatMoney(null, "EUR")).toBe("unknown");
  });

  it("lists every figure of the economics model in the markdown memo's order; a missing one reads unknown", () => {
    const figures = economicsFigures({ ...none, currency: "USD", pricePerMonth: 119, costToServePerMonth: 14, grossMarginPct: 88.24, marketCustomers: 18_000, tamPerYear: 25_704_000, paybackMonths: 7.5 });
    expect(figures).toEqual([
      ["Price per customer a month", "$119"],
      ["Cost to serve per customer a month", "$14"],
      ["Gross margin", "88.24%"],
      ["Customers in the market", "18,000"],
      ["Market per year", "$25,704,000"],
      ["Target customers", "unknown"],
      ["Target revenue per year", "unknown"],
      ["Build cost", "unknown"],
      ["Payback", "7.5 months"],
      ["Break-even customers (36 months)", "unknown"],
      ["Value per year (no price)", "unknown"],
    ]);
    expect(economicsFigures(none).every(([, v]) => v === "unknown")).toBe(true);
  });

  it("counts votes and says an abstention apart, as not a vote", () => {
    expect(formatVotes({ fund: 2, kill: 1, undecided: 0, abstain: 1, votes: 3 })).toBe("2 fund and 1 kill; 1 abstains (not a vote)");
    expect(formatVotes({ fund: 0, kill: 0, undecided: 0, abstain: 2, votes: 0 })).toBe("no votes; 2 abstain (not a vote)");
    expect(formatVotes({ fund: 1, kill: 1, undecided: 1, abstain: 0, votes: 3 })).toBe("1 fund, 1 kill and 1 undecided");
  });
});

describe("the page's limits", () => {
  it("reads the server's limits and keeps the defaults for anything missing or out of range", async () => {
    const { parseLimits, DEFAULT_LIMITS } = await import("./limits.js");
    expect(parseLimits("")).toEqual(DEFAULT_LIMITS);
    expect(parseLimits("rounds=4,personas=2,briefChars=9000")).toEqual({ rounds: 4, personas: 2, briefChars: 9000 });
    expect(parseLimits("rounds=99,personas=x")).toEqual(DEFAULT_LIMITS);
  });
});
