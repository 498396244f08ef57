import { describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../domain/events.js";
import { formatEvent, formatProblem, oneLine, topFinding, truncate } from "./format.js";

const base = { runId: "local-1", at: "2027-01-01T00:00:00.000Z" };
const ev = (e: Record<string, unknown>): RunEvent => RunEventSchema.parse({ ...base, ...e });
const plain = { color: false, width: 100 };
const colour = { color: true, width: 100 };

const review = (stance: string, summary: string) =>
  ev({
    seq: 9,
    round: 2,
    type: "review.ready",
    review: { agent: "engineer", role: "engineer", round: 2, version: 2, stance, scores: { feasibility: 2 }, summary, objections: [], questions: [], quote: "q" },
  });

describe("formatEvent", () => {
  it("a review: round, padded role, stance, one-line summary", () => {
    expect(formatEvent(review("kill", "Not yet buildable:\nno named risks."), plain)).toBe("[round 2] engineer  kill       Not yet buildable: no named risks.");
  });

  it("colours the stance (kill red, fund green) and dims the round only when colour is on", () => {
    expect(formatEvent(review("kill", "No."), colour)).toBe("\u001b[2m[round 2]\u001b[0m \u001b[1mengineer \u001b[0m \u001b[31mkill      \u001b[0m No.");
    expect(formatEvent(review("fund", "Yes."), colour)).toContain("\u001b[32mfund      \u001b[0m");
    expect(formatEvent(review("fund", "Yes."), plain)).not.toContain("\u001b");
  });

  it("cuts the gist so the line fits the width, with an ellipsis", () => {
    const line = formatEvent(review("undecided", "word ".repeat(100)), { color: false, width: 60 });
    expect(line).toHaveLength(60);
    expect(line?.endsWith("…")).toBe(true);
    expect(line?.startsWith("[round 2] engineer  undecided  word word")).toBe(true);
  });

  it("draft.ready: version, word counts and the number of changes", () => {
    const line = formatEvent(
      ev({
        seq: 4,
        round: 2,
        type: "draft.ready",
        version: 2,
        prfaq: { title: "T", pressRelease: { heading: "", subheading: "", dateline: "", summary: "", problem: "", solution: "", leaderQuote: "", howItWorks: "", customerQuote: "", callToAction: "" }, externalFaq: [], internalFaq: [] },
        markdown: "",
        wordCounts: { pressRelease: 410, faq: 820 },
        changes: ["Named the customer.", "Added a price."],
        assumptions: [],
      }),
      plain,
    );
    expect(line).toBe("[round 2] drafter   v2         PR 410 words, FAQ 820 words · 2 changes: Named the customer.");
  });

  it("rubric.findings: the score and the most severe finding", () => {
    const findings = [
      { check: "missing-the-date", severity: "medium", message: "Add a date.", evidence: "soon" },
      { check: "vague-customer-definition", severity: "critical", message: "Name the customer.", evidence: "everyone" },
    ];
    expect(formatEvent(ev({ seq: 5, round: 1, type: "rubric.findings", version: 1, findings, score: 40 }), { color: false, width: 120 })).toBe(
      "[round 1] rubric    score 40   v1: 2 findings; top: vague-customer-definition (critical): Name the customer.",
    );
    expect(formatEvent(ev({ seq: 5, round: 1, type: "rubric.findings", version: 1, findings: [], score: 100 }), plain)).toBe("[round 1] rubric    score 100  v1: no findings");
  });

  it("decision: iterate or conclude and the number of changes", () => {
    const decision = { round: 1, action: "iterate", leaning: "kill", rationale: "Fixable.", changes: [{ priority: 1, section: "FAQ", change: "Add a price.", why: "finance" }] };
    expect(formatEvent(ev({ seq: 12, round: 1, type: "decision", decision }), plain)).toBe("[round 1] leader    iterate    1 change · leaning kill: Fixable.");
    expect(formatEvent(ev({ seq: 12, round: 1, type: "decision", decision: { ...decision, action: "conclude" } }), colour)).toContain("\u001b[1mconclude  \u001b[0m");
  });

  it("run-level events carry [run]; the terminal event shows the verdict", () => {
    expect(formatEvent(ev({ seq: 1, type: "run.queued", engine: "offline", rounds: 3, title: "RefillReady" }), plain)).toBe('[run]     run       queued     "RefillReady" · offline engine · up to 3 rounds');
    expect(formatEvent(ev({ seq: 30, type: "run.completed", status: "completed", verdict: { decision: "kill", confidence: 0.9, score: 12 } }), plain)).toBe(
      "[run]     run       KILL       completed: kill, confidence 90%, rubric score 12",
    );
    expect(formatEvent(ev({ seq: 30, type: "run.failed", status: "failed", error: { code: "internal", message: "boom" } }), plain)).toBe("[run]     run       failed     internal: boom");
  });

  it("no line for agent.started, agent.delta, or usage while nothing is spent", () => {
    expect(formatEvent(ev({ seq: 3, round: 1, type: "agent.started", agent: "drafter" }), plain)).toBeUndefined();
    expect(formatEvent(ev({ seq: 3, round: 1, type: "agent.delta", agent: "drafter", text: "x" }), plain)).toBeUndefined();
    expect(formatEvent(ev({ seq: 3, round: 1, type: "usage", usage: { calls: 5, promptTokens: 0, completionTokens: 0, costUsd: 0 } }), plain)).toBeUndefined();
    expect(formatEvent(ev({ seq: 3, round: 1, type: "usage", usage: { calls: 5, promptTokens: 1200, completionTokens: 300, costUsd: 0.0123 } }), plain)).toBe(
      "[round 1] usage     $0.0123    5 calls, 1200 prompt + 300 completion tokens so far",
    );
  });
});

describe("helpers", () => {
  it("oneLine, truncate, topFinding", () => {
    expect(oneLine(" a\n\n b\tc ")).toBe("a b c");
    expect(truncate("abcdef", 4)).toBe("abc…");
    expect(truncate("abc", 4)).toBe("abc");
    expect(topFinding([])).toBeUndefined();
  });

  it("formatProblem: status, title, detail and every field error", () => {
    expect(
      formatProblem("the server refused the review", {
        status: 400,
        title: "Bad Request",
        detail: "The review request is invalid: 1 problem(s), listed in errors.",
        errors: [{ path: "options.rounds", message: "Too big" }],
      }),
    ).toBe("the server refused the review (400 Bad Request): The review request is invalid: 1 problem(s), listed in errors.\n  options.rounds: Too big");
  });
});
