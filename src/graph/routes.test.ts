import { Send } from "@langchain/langgraph";
import { describe, expect, it } from "vitest";
import { emptyPrfaq } from "../domain/prfaq.js";
import type { Decision } from "../domain/review.js";
import { recursionLimitFor, routeAfterLeader, routeToReviewers } from "./routes.js";
import { MeetingState, NODES, type MeetingStateType } from "./state.js";

function state(partial: Partial<MeetingStateType>): MeetingStateType {
  const defaults = Object.fromEntries(
    Object.entries(MeetingState.spec).map(([k, channel]) => [k, "initialValueFactory" in channel && typeof channel.initialValueFactory === "function" ? channel.initialValueFactory() : undefined]),
  );
  return { ...defaults, ...partial } as MeetingStateType;
}

const decision = (action: Decision["action"]): Decision => ({ round: 1, action, leaning: "kill", rationale: "r", changes: [] });

describe("routeAfterLeader", () => {
  it.each([
    [[decision("iterate")], NODES.drafter],
    [[decision("conclude")], NODES.memoWriter],
    [[decision("iterate"), decision("conclude")], NODES.memoWriter],
    [[decision("conclude"), decision("iterate")], NODES.drafter],
  ] as const)("after %j goes to %s", (decisions, next) => {
    expect(routeAfterLeader(state({ decisions: [...decisions] }))).toBe(next);
  });
});

describe("routeToReviewers", () => {
  // Canaries with doubled spaces, a newline and unicode spaces: a filter that compares collapsed text would let them through.
  const prfaq = { ...emptyPrfaq("P"), internalFaq: [{ question: "What would make us stop?", answer: "INTERNAL-CANARY  two\nlines\u00a0and\u2003spaces" }], sources: { summary: ["L1"] } };
  const seats = [
    { agent: "customer:a", role: "customer" as const },
    { agent: "engineer", role: "engineer" as const },
    { agent: "finance", role: "finance" as const },
  ];
  const facts = { title: "P", customer: "BRIEF-CANARY", problem: "", solution: "", evidence: "", business: "", metrics: "", launch: "", risks: "", other: "" };
  const findings = [{ check: "missing-the-date" as const, severity: "medium" as const, message: "m", evidence: "FINDING-CANARY  two\nlines\u00a0and\u2003spaces" }];

  it("sends one reviewer step per seat, each with only its own seat", () => {
    const sends = routeToReviewers(state({ seats, prfaq, facts, findings }));
    if (!Array.isArray(sends)) throw new Error("expected sends");
    expect(sends).toHaveLength(3);
    for (const [i, send] of sends.entries()) {
      expect(send).toBeInstanceOf(Send);
      expect(send.node).toBe(NODES.reviewer);
      expect((send.args as MeetingStateType).seat).toEqual(seats[i]);
    }
  });

  it("gives a customer the press release and external FAQ only: no findings, brief, analysis or sources", () => {
    const sends = routeToReviewers(state({ seats, prfaq, facts, findings }));
    if (!Array.isArray(sends)) throw new Error("expected sends");
    const args = sends[0]?.args as Record<string, unknown>;
    expect(Object.keys(args).sort()).toEqual(["prfaq", "round", "seat", "version"]);
    expect(JSON.stringify(args)).not.toMatch(/CANARY|two|missing-the-date|"sources"/);
    expect(JSON.stringify(sends[1]?.args)).toContain("INTERNAL-CANARY");
  });

  it("ends the meeting when the last revision changed nothing", () => {
    expect(routeToReviewers(state({ seats, prfaq, unchanged: true }))).toBe(NODES.memoWriter);
  });
});

describe("recursionLimitFor", () => {
  it("grows with the rounds and stays above LangGraph's needs for six rounds", () => {
    expect(recursionLimitFor(1)).toBe(13);
    expect(recursionLimitFor(6)).toBe(28);
  });
});
