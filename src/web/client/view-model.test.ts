import { describe, expect, it } from "vitest";
import type { RunEvent } from "../../domain/events.js";
import type { Review } from "../../domain/review.js";
import { AUTHOR_LABEL, roundTitle } from "./labels.js";
import { applyEvent, emptyView, isFinished, laneOf, reduceEvents, tally } from "./view-model.js";

/** A transcript of one round with one customer, built event by event. */
function transcript(): RunEvent[] {
  let seq = 0;
  const at = "2026-11-26T00:00:00.000Z";
  const e = (x: Record<string, unknown>) => ({ seq: ++seq, runId: "rv_test", at, ...x }) as RunEvent;
  const review = (agent: string, role: Review["role"], stance: Review["stance"]): Review => ({
    agent, role, round: 1, version: 1, stance, scores: { a: 3 }, summary: `${agent} says`, objections: [{ kind: "economics", text: "o", basis: ["L5"], blocking: true }], questions: ["q"], quote: "quote",
  });
  const usage = { calls: 5, promptTokens: 1200, completionTokens: 300, costUsd: 0.002 };
  return [
    e({ type: "run.queued", engine: "offline", rounds: 2, title: "RefillReady" }),
    e({ type: "run.started", engine: "offline", rounds: 2, note: "offline engine", personas: [{ id: "vet-front-desk", name: "Kayla Brooks", why: "matches" }, { id: "family-farmer", name: "Dale Ostrander", why: "picked" }] }),
    e({ type: "round.started", round: 1 }),
    e({ type: "agent.started", round: 1, agent: "drafter" }),
    e({ type: "draft.ready", round: 1, version: 1, prfaq: {}, markdown: "# RefillReady\nv1", wordCounts: { pressRelease: 300, faq: 200 }, changes: [], assumptions: ["a"] }),
    e({ type: "rubric.findings", round: 1, version: 1, findings: [], score: 80 }),
    e({ type: "agent.started", round: 1, agent: "customer:vet-front-desk" }),
    e({ type: "agent.started", round: 1, agent: "customer:family-farmer" }),
    e({ type: "agent.started", round: 1, agent: "engineer" }),
    e({ type: "agent.started", round: 1, agent: "finance" }),
    e({ type: "review.ready", round: 1, review: review("customer:vet-front-desk", "customer", "fund") }),
    e({ type: "review.ready", round: 1, review: { ...review("customer:family-farmer", "customer", "abstain"), objections: [] } }),
    e({ type: "review.ready", round: 1, review: review("engineer", "engineer", "kill") }),
    e({ type: "review.ready", round: 1, review: review("finance", "finance", "undecided") }),
    e({ type: "agent.started", round: 1, agent: "leader" }),
    e({ type: "decision", round: 1, decision: { round: 1, action: "conclude", leaning: "kill", rationale: "r", changes: [] } }),
    e({ type: "usage", round: 1, usage }),
    e({ type: "agent.started", round: 1, agent: "leader" }),
    e({ type: "memo.ready", round: 1, memo: { runId: "rv_test", decision: "kill", confidence: 0.7, headline: "Kill it" } }),
    e({ type: "run.completed", status: "completed", verdict: { decision: "kill", confidence: 0.7, score: 80 } }),
  ];
}

describe("the run view model", () => {
  it("turns a whole transcript into entries, a scorecard, drafts, usage and the verdict", () => {
    const view = reduceEvents("rv_test", transcript());
    expect(view.entries.map((x) => x.kind)).toEqual(["started", "round", "draft", "rubric", "review", "review", "review", "review", "decision", "memo", "end"]);
    expect(view).toMatchObject({ title: "RefillReady", engine: "offline", rounds: 2, round: 1, status: "completed", lastSeq: 20, concluding: true });
    expect(view.scorecard).toEqual([{ round: 1, version: 1, score: 80, stances: { "customer:vet-front-desk": "fund", "customer:family-farmer": "abstain", engineer: "kill", finance: "undecided" } }]);
    expect(view.drafts).toEqual([{ version: 1, round: 1, prfaq: {}, assumptions: ["a"], source: "drafter" }]);
    expect(view.usage.promptTokens).toBe(1200);
    expect(view.verdict).toEqual({ decision: "kill", confidence: 0.7, score: 80 });
    expect(view.memo?.headline).toBe("Kill it");
    expect(isFinished(view)).toBe(true);
  });

  it("seats one participant per agent in lane order, customers by persona name, and nobody is left thinking", () => {
    const view = reduceEvents("rv_test", transcript());
    expect(view.participants.map((p) => [p.agent, p.lane, p.name])).toEqual([
      ["drafter", "drafter", "Drafter"],
      ["customer:vet-front-desk", "customer", "Kayla Brooks"],
      ["customer:family-farmer", "customer", "Dale Ostrander"],
      ["engineer", "engineer", "Engineer"],
      ["finance", "finance", "Finance"],
      ["leader", "leader", "Leader"],
    ]);
    expect(view.participants.some((p) => p.thinking)).toBe(false);
    expect(view.participants.find((p) => p.agent === "engineer")?.stance).toBe("kill");
  });

  it("shows who is thinking while the meeting runs", () => {
    const events = transcript();
    const view = reduceEvents("rv_test", events.slice(0, 9));
    expect(view.status).toBe("running");
    expect(view.participants.filter((p) => p.thinking).map((p) => p.agent)).toEqual(["customer:vet-front-desk", "customer:family-farmer", "engineer"]);
  });

  it("shows a failed model call the agent will try again, until the agent speaks", () => {
    const events = transcript();
    const retrying = { seq: 10, runId: "rv_test", at: "", type: "agent.retrying", round: 1, agent: "engineer", attempt: 1, waitMs: 2000, reason: "rate-limited (429)" } as RunEvent;
    const view = reduceEvents("rv_test", [...events.slice(0, 9), retrying]);
    expect(view.entries.at(-1)).toEqual({ kind: "retry", seq: 10, lane: "engineer", agent: "engineer", retry: { attempt: 1, waitMs: 2000, reason: "rate-limited (429)" } });
    expect(view.participants.find((p) => p.agent === "engineer")?.retry).toEqual({ attempt: 1, waitMs: 2000, reason: "rate-limited (429)" });
    for (const e of events.slice(10)) applyEvent(view, { ...e, seq: e.seq + 1 });
    expect(view.participants.find((p) => p.agent === "engineer")?.retry).toBeUndefined();
  });

  it("ignores an event it has already applied, so a resumed stream never shows one twice", () => {
    const events = transcript();
    const view = emptyView("rv_test");
    for (const e of events.slice(0, 6)) expect(applyEvent(view, e)).toBe(true);
    const before = view.entries.length;
    for (const e of events.slice(3, 6)) expect(applyEvent(view, e)).toBe(false);
    expect(view.entries.length).toBe(before);
    expect(view.lastSeq).toBe(6);
  });

  it("ends failed and cancelled runs with an entry and nobody thinking", () => {
    const [queued, started, round, drafting] = transcript();
    const failed = reduceEvents("rv_test", [queued, started, round, drafting, { seq: 5, runId: "rv_test", at: "", type: "run.failed", status: "failed", error: { code: "model", message: "boom" } }] as RunEvent[]);
    expect(failed.status).toBe("failed");
    expect(failed.entries.at(-1)).toMatchObject({ kind: "end", status: "failed", text: "The review failed: boom" });
    expect(failed.participants.some((p) => p.thinking)).toBe(false);
    const cancelled = reduceEvents("rv_test", [queued, { seq: 2, runId: "rv_test", at: "", type: "run.cancelled", status: "cancelled" }] as RunEvent[]);
    expect(cancelled.status).toBe("cancelled");
  });

  it("keeps an abstaining seat's stance, with its objections as typed arguments, but never counts it as a vote", () => {
    const view = reduceEvents("rv_test", transcript());
    expect(view.participants.find((p) => p.agent === "customer:family-farmer")?.stance).toBe("abstain");
    const review = view.entries.find((x) => x.kind === "review" && x.agent === "customer:vet-front-desk");
    expect(review?.kind === "review" && review.review.objections).toEqual([{ kind: "economics", text: "o", basis: ["L5"], blocking: true }]);
    const row = view.scorecard[0]?.stances ?? {};
    expect(tally(row)).toEqual({ fund: 1, kill: 1, undecided: 1, abstain: 1, votes: 3 });
    expect(tally({ a: "abstain", b: "abstain" })).toEqual({ fund: 0, kill: 0, undecided: 0, abstain: 2, votes: 0 });
  });

  it("a round that reviews the author's own PR/FAQ says 'your document'; the drafter's rounds and older transcripts do not", () => {
    const events = transcript().map((x) =>
      x.type === "round.started" ? { ...x, source: "author" as const } : x.type === "draft.ready" ? { ...x, source: "author" as const } : x,
    );
    const view = reduceEvents("rv_test", events.filter((x) => !(x.type === "agent.started" && x.agent === "drafter")));
    const round = view.entries.find((x) => x.kind === "round");
    expect(round).toMatchObject({ kind: "round", round: 1, rounds: 2, source: "author" });
    expect(round?.kind === "round" && roundTitle(round)).toBe("Round 1 of 2: your document");
    expect(view.entries.find((x) => x.kind === "draft")).toMatchObject({ version: 1, source: "author" });
    expect(AUTHOR_LABEL).toBe("Your document");
    // A brief's round, and a transcript from before rounds said who wrote the version: the drafter's.
    const older = reduceEvents("rv_test", transcript()).entries.find((x) => x.kind === "round");
    expect(older?.kind === "round" && roundTitle(older)).toBe("Round 1 of 2");
    expect(roundTitle({ round: 2, rounds: 3, source: "drafter" })).toBe("Round 2 of 3");
  });

  it("knows the lane of every agent id", () => {
    expect(["drafter", "customer:x", "engineer", "finance", "leader", "stranger"].map(laneOf)).toEqual(["drafter", "customer", "engineer", "finance", "leader", "system"]);
  });
});
