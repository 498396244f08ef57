import { describe, expect, it } from "vitest";
import { extractBriefFacts } from "../../domain/brief-facts.js";
import { draftOffline } from "./offline.js";
import { FAQ_REQUEST, OPEN_QUESTION, reviseOffline } from "./revise.js";

const brief = {
  title: "ChairFill",
  text: "Customer: Office managers at dental practices with 3 to 10 chairs.\nProblem: Practices lose 9 appointments a week to late cancellations.\nRisks: Scheduling systems such as Dentrix expose appointments differently.",
};

describe("reviseOffline", () => {
  const facts = extractBriefFacts(brief);
  const v1 = draftOffline({ facts, version: 1, changes: [], findings: [], createdAt: "2026-01-01T00:00:00.000Z" }).prfaq;
  const revise = (change: string) =>
    reviseOffline({ facts, version: 2, previous: v1, changes: [{ priority: 1, section: "internal FAQ", change, why: "asked by engineer" }], findings: [], createdAt: "2026-01-01T00:00:00.000Z" });

  it("answers a reviewer's question in the internal FAQ from the brief's own sentences", () => {
    const out = revise(`${FAQ_REQUEST}Which scheduling systems must it work with, and how do they expose appointments?`);
    const added = out.prfaq.internalFaq.at(-1);
    expect(out.prfaq.internalFaq).toHaveLength(v1.internalFaq.length + 1);
    expect(added?.answer).toBe("Scheduling systems such as Dentrix expose appointments differently.");
    expect(out.changes[0]).toMatch(/^Added the reviewers' question .* answered from the brief\.$/);
  });

  it("marks a question the brief cannot answer as open, and never asks twice", () => {
    const out = revise(`${FAQ_REQUEST}What is the payback period on the sales team?`);
    expect(out.prfaq.internalFaq.at(-1)?.answer).toBe(OPEN_QUESTION);
    const again = reviseOffline({ facts, version: 3, previous: out.prfaq, changes: [{ priority: 1, section: "internal FAQ", change: `${FAQ_REQUEST}What is the payback period on the sales team?`, why: "x" }], findings: [], createdAt: "2026-01-01T00:00:00.000Z" });
    expect(again.prfaq.internalFaq).toHaveLength(out.prfaq.internalFaq.length);
  });
});
