import { describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../domain/events.js";
import { MemoSchema, type Memo } from "../domain/memo.js";
import { formatProblem } from "./errors.js";
import { formatEvent, oneLine, topFinding, truncate, wrap } from "./format.js";

const base = { runId: "local-1", at: "2027-01-01T00:00:00.000Z" };
const ev = (e: Record<string, unknown>): RunEvent => RunEventSchema.parse({ ...base, ...e });
const plain = { color: false, width: 100 };
const colour = { color: true, width: 100 };

const review = (stance: string, summary: string, extra: Record<string, unknown> = {}) =>
  ev({
    seq: 9,
    round: 2,
    type: "review.ready",
    review: { agent: "engineer", role: "engineer", round: 2, version: 2, stance, scores: { feasibility: 2 }, summary, objections: [], questions: [], quote: "q", ...extra },
  });
const customer = (stance: string, summary: string, extra: Record<string, unknown> = {}) =>
  ev({
    seq: 8,
    round: 1,
    type: "review.ready",
    review: { agent: "customer:family-farmer", role: "customer", round: 1, version: 1, stance, scores: {}, summary, objections: [], questions: [], quote: "q", ...extra },
  });

const none = { currency: null, pricePerMonth: null, costToServePerMonth: null, grossMarginPct: null, marketCustomers: null, tamPerYear: null, targetCustomers: null, targetRevenuePerYear: null, buildCost: null, paybackMonths: null, breakEvenCustomers: null, valuePerYear: null, lines: [] };
const section = { heading: "h", subheading: "s", dateline: "d", summary: "s", problem: "p", solution: "s", leaderQuote: "q", howItWorks: "h", customerQuote: "c", callToAction: "c" };
/** A whole memo (checked by its schema), its decision-document fields overridable. */
const memoOf = (patch: Partial<Memo>): Memo =>
  MemoSchema.parse({
    runId: "r", title: "RefillReady", engine: "offline", decision: "fund", confidence: 0.8, headline: "Fund RefillReady.", crux: "c", ask: "Two engineers.", door: "two-way", doorWhy: "w",
    stage: "validated", economics: none, reasons: [{ kind: "evidence", text: "t", basis: [] }], buildTest: { whyUs: "u", whyNow: "n", giveUp: "g" }, conditions: [], killCriteria: [], nextTest: "t",
    whatWouldChange: [], risks: [], openQuestions: [], dissent: [], stances: [], ledger: [], changes: [], scorecard: [], fixedFindings: [], remainingFindings: [], rounds: 2, finalVersion: 2,
    finalPrfaq: { title: "RefillReady", pressRelease: section, externalFaq: [], internalFaq: [] },
    ...patch,
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

  it("a status gist is cut to the width with an ellipsis; a review's gist is word-wrapped under itself, nothing cut", () => {
    const findings = [{ check: "missing-the-date", severity: "medium", message: "word ".repeat(40), evidence: "soon" }];
    const status = formatEvent(ev({ seq: 5, round: 1, type: "rubric.findings", version: 1, findings, score: 90 }), { color: false, width: 60 });
    expect(status).toHaveLength(60);
    expect(status?.endsWith("…")).toBe(true);
    const lines = formatEvent(review("undecided", "word ".repeat(30)), { color: false, width: 60 })?.split("\n") ?? [];
    expect(lines).toEqual([
      "[round 2] engineer  undecided  word word word word word word",
      `${" ".repeat(31)}word word word word word word`,
      `${" ".repeat(31)}word word word word word word`,
      `${" ".repeat(31)}word word word word word word`,
      `${" ".repeat(31)}word word word word word word`,
    ]);
    expect(lines.every((l) => l.length <= 60)).toBe(true);
  });

  it("a review's objections: each under the line with its kind, a blocking mark and what it rests on (blocking in red)", () => {
    const objections = [
      { kind: "economics", text: "Every customer loses money: $41 to serve against $29.", basis: ["L4", "L7"], blocking: true },
      { kind: "evidence", text: "Nothing observed.", basis: [], blocking: false },
    ];
    expect(formatEvent(review("kill", "No.", { objections }), plain)).toBe(
      [
        "[round 2] engineer  kill       No.",
        "          - economics, blocking: Every customer loses money: $41 to serve against $29. [L4, L7]",
        "          - evidence: Nothing observed.",
      ].join("\n"),
    );
    expect(formatEvent(review("kill", "No.", { objections }), colour)?.split("\n")[1]).toBe("          \u001b[31m- economics, blocking:\u001b[0m Every customer loses money: $41 to serve against $29. [L4, L7]");
  });

  it("the engineer's fields: the hardest problem, what must be true, one-way doors, dependencies, claims challenged (empty ones left out)", () => {
    const engineering = { hardestProblem: "Owners must change habit.", mustBeTrue: ["The pilot holds [L13].", "Vets approve in one tap."], oneWayDoors: [], dependencies: ["Practice-management integrations"], claimsChallenged: ['"100% accurate" [L9]'] };
    expect(formatEvent(review("fund", "Buildable.", { engineering }), plain)?.split("\n")).toEqual([
      "[round 2] engineer  fund       Buildable.",
      "          hardest problem: Owners must change habit.",
      "          must be true: The pilot holds [L13].; Vets approve in one tap.",
      "          dependencies: Practice-management integrations",
      '          claims challenged: "100% accurate" [L9]',
    ]);
  });

  it("a customer's scenario, wrapped with a hanging indent", () => {
    const scenario = "Monday morning I open the queue and approve six refills before the first appointment, then go back to the phones.";
    expect(formatEvent(customer("fund", "I would switch.", { scenario }), { color: false, width: 60 })?.split("\n")).toEqual([
      "[round 1] customer  fund       I would switch.",
      "          scenario: Monday morning I open the queue and",
      "            approve six refills before the first",
      "            appointment, then go back to the phones.",
    ]);
  });

  it("an abstaining seat: its own label and colour (not fund green or kill red), and said not to be a vote", () => {
    expect(formatEvent(customer("abstain", "I abstain: this is not for me."), plain)).toBe("[round 1] customer  abstain    not a vote: I abstain: this is not for me.");
    expect(formatEvent(customer("abstain", "I abstain."), colour)).toContain("\u001b[35mabstain   \u001b[0m");
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

  it("draft.ready from the author: says it is your document, with no changes", () => {
    const empty = { heading: "", subheading: "", dateline: "", summary: "", problem: "", solution: "", leaderQuote: "", howItWorks: "", customerQuote: "", callToAction: "" };
    const line = formatEvent(
      ev({ seq: 3, round: 1, type: "draft.ready", version: 1, source: "author", prfaq: { title: "T", pressRelease: empty, externalFaq: [], internalFaq: [] }, markdown: "", wordCounts: { pressRelease: 380, faq: 240 }, changes: [], assumptions: [] }),
      plain,
    );
    expect(line).toBe("[round 1] author    v1         your document as written: PR 380 words, FAQ 240 words");
  });

  it("round.started: who writes the version the round reviews (your document, or the drafter's draft or revision)", () => {
    const round = (r: number, source?: string) => formatEvent(ev({ seq: 2, round: r, type: "round.started", ...(source ? { source } : {}) }), plain);
    expect(round(1, "author")).toBe("[round 1] meeting   round 1    the reviewers read your document in parallel");
    expect(round(1, "drafter")).toBe("[round 1] meeting   round 1    the drafter writes the PR/FAQ; the reviewers read it in parallel");
    expect(round(2, "drafter")).toBe("[round 2] meeting   round 2    the drafter revises the PR/FAQ; the reviewers read it again");
    // A transcript older than the field: the drafter wrote every version.
    expect(round(1)).toBe(round(1, "drafter"));
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

  it("decision: iterate or conclude, the number of changes, and each typed change request (kind -> target: change)", () => {
    const change = { priority: 1, kind: "fix-claim", target: "summary", change: 'Replace "zero errors" with the pilot\'s figure.', why: "the engineer", basis: ["L3"], check: "hyperbole-instead-of-specifics" };
    const decision = { round: 1, action: "iterate", leaning: "kill", rationale: "Fixable.", changes: [change, { priority: 2, kind: "add-date", target: "dateline", change: "Give the launch date.", why: "", basis: [] }] };
    expect(formatEvent(ev({ seq: 12, round: 1, type: "decision", decision }), plain)?.split("\n")).toEqual([
      "[round 1] leader    iterate    2 changes · leaning kill: Fixable.",
      "          1. fix-claim -> summary: Replace \"zero errors\" with the pilot's figure. (the engineer)",
      "            [L3, hyperbole-instead-of-specifics]",
      "          2. add-date -> dateline: Give the launch date.",
    ]);
    expect(formatEvent(ev({ seq: 12, round: 1, type: "decision", decision: { ...decision, action: "conclude", changes: [] } }), colour)).toContain("\u001b[1mconclude  \u001b[0m");
  });

  it("memo.ready: the verdict and headline, then the crux, the stage, the door and the ask", () => {
    const event = ev({ seq: 20, round: 2, type: "memo.ready", memo: memoOf({ crux: "It turns on whether the pilot holds [L13].", ask: null }) });
    expect(formatEvent(event, plain)?.split("\n")).toEqual([
      "[round 2] leader    FUND       memo, 80% confident: Fund RefillReady.",
      "          crux: It turns on whether the pilot holds [L13].",
      "          stage: validated · two-way door · ask: none stated",
    ]);
  });

  it("run-level events carry [run]; the terminal event shows the verdict", () => {
    expect(formatEvent(ev({ seq: 1, type: "run.queued", engine: "offline", rounds: 3, title: "RefillReady" }), plain)).toBe('[run]     run       queued     "RefillReady" · offline engine · up to 3 rounds');
    expect(formatEvent(ev({ seq: 30, type: "run.completed", status: "completed", verdict: { decision: "kill", confidence: 0.9, score: 12 } }), plain)).toBe(
      "[run]     run       KILL       completed: kill, confidence 90%, rubric score 12",
    );
    expect(formatEvent(ev({ seq: 30, type: "run.failed", status: "failed", error: { code: "internal", message: "boom" } }), plain)).toBe("[run]     run       failed     internal: boom");
  });

  it("no line for agent.started or usage while nothing is spent", () => {
    expect(formatEvent(ev({ seq: 3, round: 1, type: "agent.started", agent: "drafter" }), plain)).toBeUndefined();
    expect(formatEvent(ev({ seq: 3, round: 1, type: "usage", usage: { calls: 5, promptTokens: 0, completionTokens: 0, costUsd: 0 } }), plain)).toBeUndefined();
    expect(formatEvent(ev({ seq: 3, round: 1, type: "usage", usage: { calls: 5, promptTokens: 1200, completionTokens: 300, costUsd: 0.0123 } }), plain)).toBe(
      "[round 1] usage     $0.0123    5 calls, 1200 prompt + 300 completion tokens so far",
    );
  });

  it("a cost no price table knows is unknown, naming whose model has no price, never $0", () => {
    const byRole = { drafter: { calls: 2, promptTokens: 900, completionTokens: 200, costUsd: 0.0011 }, engineer: { calls: 3, promptTokens: 300, completionTokens: 100, costUsd: null } };
    const usage = ev({ seq: 3, round: 1, type: "usage", usage: { calls: 5, promptTokens: 1200, completionTokens: 300, costUsd: null, byRole } });
    expect(formatEvent(usage, { color: false, width: 160 })).toBe(
      "[round 1] usage     $ unknown  cost unknown: no price for the engineer model (PRFAQ_PRICES) · 5 calls, 1200 prompt + 300 completion tokens so far",
    );
    expect(formatEvent(usage, plain)).toMatch(/^\[round 1\] usage     \$ unknown  cost unknown: no price for the engineer model \(PRFAQ_PRICES\) · .{0,30}…$/);
  });

  it("a retried model call gets its line as it happens: which agent, the attempt that failed, the wait, why", () => {
    expect(formatEvent(ev({ seq: 4, round: 1, type: "agent.retrying", agent: "engineer", attempt: 1, waitMs: 1000, reason: "rate-limited (429)" }), plain)).toBe(
      "[round 1] engineer  retrying   attempt 1 failed, trying again in 1 s: rate-limited (429)",
    );
    expect(formatEvent(ev({ seq: 5, round: 2, type: "agent.retrying", agent: "customer:family-farmer", attempt: 2, waitMs: 2500, reason: "unreachable (ECONNREFUSED)" }), plain)).toBe(
      // Cut to 100 columns: the reason goes, the wait stays.
      "[round 2] customer  retrying   family-farmer: attempt 2 failed, trying again in 2.5 s: unreachable …",
    );
    expect(formatEvent(ev({ seq: 6, round: 2, type: "agent.retrying", agent: "leader", attempt: 3, waitMs: 250, reason: "timed out" }), colour)).toContain("\u001b[33mretrying  \u001b[0m attempt 3 failed, trying again in 250 ms: timed out");
  });
});

describe("helpers", () => {
  it("wrap: words to the width after the indent, a hanging indent after the first line, an overlong word cut", () => {
    expect(wrap("aa bb cc dd", 18, "    ", "      ")).toEqual(["    aa bb cc dd"]);
    expect(wrap("aaaa bbbb cccc dddd eeee", 16, "  ", "    ")).toEqual(["  aaaa bbbb cccc", "    dddd eeee"]);
    expect(wrap("aaaa bbbb cccc dddd eeee", 15, "  ", "    ")).toEqual(["  aaaa bbbb", "    cccc dddd", "    eeee"]);
    expect(wrap("x".repeat(25), 12, "")).toEqual(["x".repeat(12), "x".repeat(12), "x"]);
    expect(wrap(`a ${"x".repeat(25)}`, 12, "")).toEqual(["a", "x".repeat(12), "x".repeat(12), "x"]);
    expect(wrap("", 20, "  ")).toEqual(["  "]);
  });

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
        detail: "The review request is invalid: 1 problem, listed in errors.",
        errors: [{ path: "options.rounds", message: "Too big" }],
      }),
    ).toBe("the server refused the review (400 Bad Request): The review request is invalid: 1 problem, listed in errors.\n  options.rounds: Too big");
  });
});
