import { describe, expect, it } from "vitest";
import { cleanDoc, docWith, findingsOf } from "./test-docs.js";

describe("writing-pr-after-building", () => {
  it("fires on 'our team has developed', quoting the sentence", () => {
    const s = "Our team has developed a refill engine over the past two years.";
    expect(findingsOf(docWith({ summary: `${s} RefillReady launched today for vet clinics.` }), "writing-pr-after-building")).toEqual([
      expect.objectContaining({ severity: "critical", evidence: s }),
    ]);
  });

  it("fires on 'already built' in the FAQ and 'we decided to' in the press release", () => {
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Why now?", answer: "We have already built it, so launching costs little." });
    expect(findingsOf(doc, "writing-pr-after-building")[0]?.evidence).toBe("We have already built it, so launching costs little.");
    const decided = docWith({ leaderQuote: "\"We decided to build RefillReady for every clinic,\" said Sam Okafor, founder of RefillReady." });
    expect(findingsOf(decided, "writing-pr-after-building")).toHaveLength(1);
  });

  it("does not fire on a launch written as if it happened today", () => {
    expect(findingsOf(cleanDoc(), "writing-pr-after-building")).toEqual([]);
  });

  it("does not fire on a prototype built to learn, or a decision explained in the FAQ", () => {
    const doc = docWith({ summary: "We have already built a prototype and watched 12 front desks use it for a week. RefillReady launched today for vet clinics." });
    doc.internalFaq.push({ question: "Why only 10 states?", answer: "We decided to launch where we have reviewed the dispensing rules." });
    expect(findingsOf(doc, "writing-pr-after-building")).toEqual([]);
  });
});

describe("solution-first-thinking", () => {
  it("fires on an opening that leads with the technology and no problem", () => {
    const s = "Powered by our new Helix engine, RefillReady is the refill platform for the future.";
    const doc = docWith({ heading: "RefillReady", subheading: "Refills by text for vet clinics", summary: s, problem: "" });
    expect(findingsOf(doc, "solution-first-thinking")).toEqual([expect.objectContaining({ severity: "critical", evidence: s })]);
  });

  it("fires on a technology looking for a problem", () => {
    const s = "We are exploring which industries could use it.";
    const doc = cleanDoc();
    doc.internalFaq.push({ question: "Who will buy it?", answer: s });
    const [f] = findingsOf(doc, "solution-first-thinking");
    expect(f?.evidence).toBe(s);
    expect(f?.message).toContain("looking for a problem");
  });

  it("does not fire on an opening that starts from the customer", () => {
    expect(findingsOf(cleanDoc(), "solution-first-thinking")).toEqual([]);
  });

  it("does not fire when a pain precedes the technology or an evidenced problem follows", () => {
    const painFirst = docWith({ summary: "Front desks lose a third of their calls to refills. RefillReady, powered by our new routing engine, ends that." });
    expect(findingsOf(painFirst, "solution-first-thinking")).toEqual([]);
    const evidenced = docWith({ summary: "Powered by our routing engine, RefillReady launched today for vet clinics." });
    expect(findingsOf(evidenced, "solution-first-thinking")).toEqual([]);
  });
});

describe("skipping-the-iteration", () => {
  it("fires for an unrevised version 1, explaining why", () => {
    const [f] = findingsOf(cleanDoc(), "skipping-the-iteration", { version: 1, revised: false });
    expect(f).toMatchObject({ severity: "medium", evidence: "version 1 (not yet revised)" });
    expect(f?.message).toContain("has not been revised");
  });

  it("fires when the text calls itself final with no revision history", () => {
    const s = "This is the final version for approval.";
    expect(findingsOf(docWith({ callToAction: `Clinics can start a free trial. ${s}` }), "skipping-the-iteration")).toEqual([
      expect.objectContaining({ evidence: s }),
    ]);
  });

  it("does not fire for a revised version or without context", () => {
    expect(findingsOf(cleanDoc(), "skipping-the-iteration", { version: 2, revised: true })).toEqual([]);
    expect(findingsOf(cleanDoc(), "skipping-the-iteration")).toEqual([]);
  });

  it("does not fire for a final version that shows its revision history", () => {
    const doc = docWith({ callToAction: "This is the final version, revised after the review of draft 2." });
    expect(findingsOf(doc, "skipping-the-iteration")).toEqual([]);
  });
});
