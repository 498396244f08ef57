import { describe, expect, it } from "vitest";
import { analyseBrief } from "../../domain/analysis.js";
import type { BriefFacts } from "../../domain/brief.js";
import { readSignals } from "./facts.js";

const brief = (parts: Partial<BriefFacts>): BriefFacts => ({ title: "T", customer: "", problem: "", solution: "", evidence: "", business: "", metrics: "", launch: "", risks: "", other: "", ...parts });

// Sentences written for the test.
describe("readSignals", () => {
  it("quotes as the price the sentence the economics model read as the price, not the first amount in the business part", () => {
    const facts = brief({ customer: "Owners of busy florists.", business: "Maya's shop was £380 a month of waste. £20 per till per month; a typical florist has 2 tills. It costs us £6 per florist per month." });
    const s = readSignals(facts, analyseBrief(facts));
    expect(s.price).toMatch(/^£20 per till per month/);
    expect(s.costToServe).toBe("It costs us £6 per florist per month.");
  });
});

describe("what was observed", () => {
  it("a time study that confirms the hours is evidence seen, not a hope", () => {
    const a = analyseBrief(brief({ customer: "Our 12 night dispatchers.", problem: "Our four-week time study confirms they spend 3 hours a shift retyping logs." }));
    expect(a.stage).toBe("validated");
  });
});
