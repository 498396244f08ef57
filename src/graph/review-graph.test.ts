import { describe, expect, it } from "vitest";
import type { MeetingAgents, ReviewInput } from "../agents/contracts.js";
import { analyseBrief } from "../domain/analysis.js";
import { extractBriefFacts } from "../domain/brief-facts.js";
import { PersonaSchema } from "../domain/persona.js";
import type { EventDraft } from "../domain/events.js";
import { emptyPrfaq } from "../domain/prfaq.js";
import type { Decision, Review } from "../domain/review.js";
import { createReviewGraph } from "./review-graph.js";

/** Scripted agents: the leader iterates until `concludeAt`, reviewers record what they were shown. */
function scriptedAgents(concludeAt: number, seen: ReviewInput[], timeline: string[]): MeetingAgents {
  return {
    engine: "offline",
    note: "scripted",
    draft: async (input) => {
      const doc = emptyPrfaq("Scripted");
      doc.pressRelease.heading = `Scripted v${input.version}`;
      doc.internalFaq = [{ question: "Internal?", answer: "Only for insiders." }];
      return { prfaq: doc, changes: [`v${input.version}`], assumptions: [] };
    },
    review: async (input): Promise<Review> => {
      seen.push(input);
      timeline.push(`start ${input.agent}`);
      await new Promise((r) => setTimeout(r, 20));
      timeline.push(`end ${input.agent}`);
      return { agent: input.agent, role: input.role, round: input.round, version: input.version, stance: "fund", scores: { x: 4 }, summary: "ok", objections: [], questions: [], quote: "q" };
    },
    decide: async (input): Promise<Decision> => ({
      round: input.round,
      action: input.round >= concludeAt ? "conclude" : "iterate",
      leaning: "fund",
      rationale: "scripted",
      changes: [],
    }),
    writeMemo: async () => ({
      decision: "fund", confidence: 0.8, headline: "h", crux: "c", reasons: [{ kind: "evidence", text: "r", basis: [] }], buildTest: { whyUs: "u", whyNow: "n", giveUp: "g" },
      conditions: [], killCriteria: ["k"], nextTest: "t", whatWouldChange: [], risks: [], openQuestions: [], stances: [],
    }),
  };
}

const persona = PersonaSchema.parse({
  id: "a", name: "A", kind: "customer", role: "r", segment: "s", background: "b", dayToday: "d", goals: ["g"], frustrations: ["f"],
  paysForToday: "p", wouldPay: "w", decisionCriteria: ["c"], voice: "v", skepticism: 3, keywords: ["k"],
});
const facts = extractBriefFacts({ title: "T", text: "A brief." });
const analysis = analyseBrief(facts);
const seats = [
  { agent: "customer:a", role: "customer" as const, persona },
  { agent: "engineer", role: "engineer" as const },
  { agent: "finance", role: "finance" as const },
];

async function run(concludeAt: number) {
  const events: EventDraft[] = [];
  const seen: ReviewInput[] = [];
  const timeline: string[] = [];
  const graph = createReviewGraph({ agents: scriptedAgents(concludeAt, seen, timeline), emit: async (e) => void events.push(e) });
  const final = await graph.invoke(
    { runId: "rv_test", createdAt: "2026-11-25T00:00:00Z", facts, analysis, rounds: 3, seats },
    { recursionLimit: 30 },
  );
  return { events, seen, timeline, final };
}

describe("the review graph", () => {
  it("emits the meeting in order: per round a draft, findings, one review per seat, a decision; then the bar raiser's cold read and the memo", async () => {
    const { events, final } = await run(2);
    const shape = events.map((e) => (e.type === "agent.started" ? `started:${e.agent}` : e.type === "review.ready" ? `review:${e.review.agent}` : e.type));
    const round = (n: number) => [
      "round.started",
      "started:drafter",
      "draft.ready",
      "rubric.findings",
      ...seats.map((s) => `started:${s.agent}`),
      ...seats.map((s) => `review:${s.agent}`),
      "started:leader",
      "decision",
      "usage",
    ].map((x) => `${n}:${x}`);
    expect(events.map((e, i) => `${e.round ?? 0}:${shape[i]}`)).toEqual([...round(1), ...round(2), "2:started:bar-raiser", "2:review:bar-raiser", "2:started:leader", "2:usage", "2:memo.ready"]);
    expect(final.memo?.rounds).toBe(2);
    expect(final.memo?.scorecard.map((r) => r.version)).toEqual([1, 2]);
    // Event keys are unique: a replay could never append one twice.
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  });

  it("runs the reviewers in parallel and independently (silent reading)", async () => {
    const { seen, timeline } = await run(1);
    // All three started before any finished.
    expect(timeline.slice(0, 3).every((t) => t.startsWith("start"))).toBe(true);
    // No reviewer input carries another review; customers see neither the internal FAQ nor the findings or the brief.
    for (const input of seen) {
      expect(JSON.stringify(input)).not.toContain('"stance"');
      expect(input.prfaq.internalFaq.length).toBe(input.role === "customer" ? 0 : 1);
      if (input.role === "customer") expect(Object.keys(input).sort()).toEqual(["agent", "fromBrief", "persona", "prfaq", "role", "round", "version"]);
    }
  });

  it("stops at a round boundary when the token budget is spent, whatever the leader says", async () => {
    const events: EventDraft[] = [];
    const agents = scriptedAgents(99, [], []);
    const spending: MeetingAgents = {
      ...agents,
      draft: async (input, ctx) => {
        ctx.onUsage?.({ promptTokens: 4000, completionTokens: 1000, costUsd: 0.01 });
        return agents.draft(input, ctx);
      },
    };
    const graph = createReviewGraph({ agents: spending, emit: async (e) => void events.push(e) });
    const final = await graph.invoke(
      { runId: "rv_b", createdAt: "2026-11-25T00:00:00Z", facts, analysis, rounds: 6, maxTokens: 9000, seats },
      { recursionLimit: 40 },
    );
    // 5,000 tokens per draft: the budget of 9,000 is spent after round 2's draft.
    expect(events.filter((e) => e.type === "round.started")).toHaveLength(2);
    const last = events.filter((e) => e.type === "decision").at(-1);
    expect(last?.type === "decision" && last.decision).toMatchObject({ action: "conclude" });
    expect(last?.type === "decision" && last.decision.rationale).toMatch(/the token budget is spent/);
    expect(final.memo?.rounds).toBe(2);
  });

  it("concludes when a revision would leave the document unchanged: no round without a new version", async () => {
    const events: EventDraft[] = [];
    const agents = scriptedAgents(99, [], []);
    const still: MeetingAgents = { ...agents, draft: async (input, ctx) => agents.draft({ ...input, version: 1 }, ctx) };
    const graph = createReviewGraph({ agents: still, emit: async (e) => void events.push(e) });
    const final = await graph.invoke({ runId: "rv_u", createdAt: "2026-11-25T00:00:00Z", facts, analysis, rounds: 5, seats }, { recursionLimit: 40 });
    expect(events.filter((e) => e.type === "draft.ready")).toHaveLength(1);
    expect(events.filter((e) => e.type === "round.started")).toHaveLength(1);
    expect(final.memo?.rounds).toBe(1);
  });

  it("stops at the round limit even when the leader would iterate", async () => {
    const { final, events } = await run(99);
    expect(events.filter((e) => e.type === "round.started")).toHaveLength(3);
    expect(final.memo).toBeDefined();
  });
});
