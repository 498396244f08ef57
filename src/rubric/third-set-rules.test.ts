import { describe, expect, it } from "vitest";
import { parsePrfaqMarkdown } from "../domain/prfaq-markdown.js";
import { lintMarkdown } from "./index.js";
import { docWith, findingsOf } from "./test-docs.js";

// Rules written after reading the third held-back PR/FAQ set (stop 18). Every text here is written for the
// test and names the general rule; none comes from a fixture.
const checks = (markdown: string) => lintMarkdown(markdown).findings.map((f) => f.check);

describe("reading real PR/FAQ markdown", () => {
  it("does not take 'PR/FAQ' in the document's title for the start of its FAQ", () => {
    const doc = parsePrfaqMarkdown("# Kiln Watch - PR/FAQ (revision 3)\n\n## Kiln Watch tells potters when a firing stalls\n\n**STOKE, 2 May 2027** - Kiln Watch launched today for studio potters.\n\n## FAQ\n\n**How much is it?**\n£9 a month.");
    expect(doc.pressRelease.summary).toMatch(/launched today/);
    expect(doc.externalFaq).toHaveLength(1);
  });

  it("reads a bold line that asks nothing as the FAQ part it names", () => {
    const doc = parsePrfaqMarkdown("# A\n\nText.\n\n## FAQ\n\n**For potters**\n\n**1. How much is it?**\n£9.\n\n**For the studio team (internal)**\n\n**2. What does it cost us?**\n£2 a month per kiln.");
    expect(doc.externalFaq.map((f) => f.question)).toEqual(["How much is it?"]);
    expect(doc.internalFaq.map((f) => f.question)).toEqual(["What does it cost us?"]);
  });

  it("reads 'What Kiln Watch does' as the solution, a list under it included, and ends that section at a quote", () => {
    const doc = parsePrfaqMarkdown("# Kiln Watch\n\n**STOKE, 2 May 2027** - Kiln Watch launched today.\n\n### The problem\n\nFirings stall at night.\n\n### What Kiln Watch does\n\nIt watches the kiln:\n\n- Reads the temperature\n- Texts the potter\n\n\"I slept through a stalled firing and lost 40 pots,\" said Ann Lee, a potter in Leek.\n\nPotters can sign up at kilnwatch.example.");
    expect(doc.pressRelease.solution).toMatch(/^It watches the kiln:\n\nReads the temperature/);
    expect(doc.pressRelease.solution).not.toMatch(/slept through/);
  });
});

describe("checks tuned on the third set", () => {
  it("'moves anyone who misses the slot' names people inside the audience, not a vague customer", () => {
    expect(findingsOf(docWith({ solution: "Kiln Watch texts the potter and moves anyone who misses the slot to the next free one." }), "vague-customer-definition")).toEqual([]);
  });

  it("a numbered list of one family's steps is not a feature list", () => {
    const solution = "How a potter uses it:\n\nLoad the kiln as now.\n\nAt 9 pm, receive a text with the firing plan.\n\nIf the firing stalls, tap \"Restart\".\n\nIf the kiln faults, tap \"Call engineer\".";
    expect(findingsOf(docWith({ solution }), "too-many-features")).toEqual([]);
  });

  it("counts what customers tell us, and a wait over days, as evidence of the pain; 'nobody knows' and 'ends up' as pain", () => {
    expect(findingsOf(docWith({ problem: "Potters tell us a stalled firing is the worst part of the job. Nobody knows a kiln has stalled until morning." }), "missing-problem-paragraph")).toEqual([]);
    expect(findingsOf(docWith({ problem: "Replies arrive over three days. The organiser ends up messaging people one by one." }), "missing-problem-paragraph")).toEqual([]);
  });

  it("a service the company has run for its own customers for the past year, with features and terms fixed, was written after building", () => {
    expect(findingsOf(docWith({ summary: "Kiln Watch, the service the studio has run at its own kilns for the past fourteen months, is now available to other studios." }), "writing-pr-after-building")).toHaveLength(1);
    expect(findingsOf(docWith({}, { internalFaq: [{ question: "Can we change it?", answer: "The features, pricing and terms are fixed; this document describes them." }] }), "writing-pr-after-building")).toHaveLength(1);
  });

  it("an emphasised 'first draft, marked final' skips the iteration", () => {
    expect(checks("# Kiln Watch\n\nKiln Watch launched today.\n\n_First draft, marked final. No review round is planned._")).toContain("skipping-the-iteration");
  });

  it("a technology moved to a market because it could be reused is solution-first; business-system acronyms are jargon, not a technology lead", () => {
    expect(findingsOf(docWith({}, { internalFaq: [{ question: "Why potters?", answer: "Our sensor line has spare capacity, so we looked for markets where it could be reused." }] }), "solution-first-thinking")).toHaveLength(1);
    expect(findingsOf(docWith({ summary: "Chefs raise a PO against the SKU list from the OMS before the EOD cut-off." }), "solution-first-thinking")).toEqual([]);
  });
});
