import { describe, expect, it } from "vitest";
import { RunEventSchema, type RunEvent } from "../domain/events.js";
import { IDLE, nextProgress, progressText, type Progress } from "./progress.js";

const base = { runId: "r", at: "2027-01-01T00:00:00.000Z", seq: 1, round: 2 };
const ev = (e: Record<string, unknown>): RunEvent => RunEventSchema.parse({ ...base, ...e });
const started = (agent: string) => ev({ type: "agent.started", agent });
const reviewed = (agent: string, role: string) =>
  ev({ type: "review.ready", review: { agent, role, round: 2, version: 2, stance: "fund", scores: {}, summary: "s", objections: [], questions: [], quote: "q" } });
const decision = (action: string) => ev({ type: "decision", decision: { round: 2, action, leaning: "fund", rationale: "r", changes: [] } });

const run = (events: RunEvent[], from: Progress = { ...IDLE, version: 2 }) => events.reduce(nextProgress, from);

describe("progress", () => {
  it("nobody working: no text", () => {
    expect(progressText(IDLE)).toBeUndefined();
  });

  it("the drafter writes the next version", () => {
    expect(progressText(run([started("drafter")], { ...IDLE, version: 1 }))).toBe("drafter is writing v2...");
  });

  it("reviewers read the latest version, and leave the list as their reviews arrive", () => {
    const reading = run([started("customer:vet-clinic-front-desk"), started("engineer"), started("finance")]);
    expect(progressText(reading)).toBe("customer, engineer and finance are reading v2...");
    expect(progressText(run([reviewed("customer:vet-clinic-front-desk", "customer"), reviewed("finance", "finance")], reading))).toBe("engineer is reading v2...");
    expect(progressText(run([reviewed("engineer", "engineer")], run([reviewed("customer:vet-clinic-front-desk", "customer"), reviewed("finance", "finance")], reading)))).toBeUndefined();
  });

  it("the leader decides, and after concluding writes the memo", () => {
    expect(progressText(run([started("leader")]))).toBe("leader is deciding...");
    expect(progressText(run([started("leader"), decision("iterate")]))).toBeUndefined();
    expect(progressText(run([started("leader"), decision("conclude"), started("leader")]))).toBe("leader is writing the memo...");
  });

  it("a terminal event stops everyone", () => {
    expect(run([started("engineer"), ev({ type: "run.cancelled", status: "cancelled" })]).working).toEqual([]);
  });
});
